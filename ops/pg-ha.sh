#!/usr/bin/env bash
# PostgreSQL with a failover manager, on this machine: one etcd member and two PostgreSQL servers run by Patroni with
# synchronous replication (a commit is acknowledged once it is on both), for testing what the system does when the
# primary dies. ops/pg.sh stays the simple default.
#
#   ops/pg-ha.sh start         create on first use, start, wait for a primary and its synchronous standby, print the
#                              multi-host connection string (Target Session Attributes=primary)
#   ops/pg-ha.sh status        Patroni's view: which server is the primary, the synchronous standby, the lag
#   ops/pg-ha.sh url           the connection string for writes (primary); url-reads: for reads (prefer-standby)
#   ops/pg-ha.sh kill-primary  SIGKILL the primary's postmaster, its backends and its Patroni: the standby is promoted
#   ops/pg-ha.sh switchover    a planned switchover to the standby (Patroni's own command)
#   ops/pg-ha.sh pause|resume  Patroni's maintenance mode: while paused nothing is promoted, so a killed primary stays
#                              down (a test reads from the standby meanwhile)
#   ops/pg-ha.sh stop          stop both servers and etcd (the data stays in .pgha/)
#
# Everything lives in .pgha/ (git-ignored); ports are chosen free at first start and kept. Patroni (3.0) and etcd
# (3.4) come from Debian: installed when missing and run as root, else the script says what to install.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ha="$root/.pgha"
scope=tuyengiao
database=tuyengiao
user=tuyengiao
owner=postgres

say() { printf 'pg-ha.sh: %s\n' "$*" >&2; }

pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_packages() {
  local missing=()
  command -v patroni >/dev/null 2>&1 || missing+=(patroni)
  command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
  pg_bin >/dev/null || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    return 0
  fi
  say "missing: ${missing[*]}. Install them with:  sudo apt-get install ${missing[*]}"
  exit 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Runs a command as the unprivileged owner of the data (PostgreSQL refuses root), or as is when not root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    su -s /bin/sh "$owner" -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

port() { sed -n "s/^$1=//p" "$ha/ports"; }

# The ports (etcd's client and peer, each server's PostgreSQL and Patroni REST API) and the configurations: once.
create() {
  mkdir -p "$ha"
  if [ ! -f "$ha/ports" ]; then
    {
      echo "etcd=$(free_port)"; echo "etcd_peer=$(free_port)"
      echo "pg1=$(free_port)"; echo "pg2=$(free_port)"; echo "api1=$(free_port)"; echo "api2=$(free_port)"
    } > "$ha/ports"
  fi
  local bin n
  bin=$(pg_bin)
  for n in 1 2; do
    cat > "$ha/pg$n.yml" <<YAML
# Written by ops/pg-ha.sh: one of the two servers Patroni runs.
scope: $scope
name: pg$n
log:
  dir: $ha/log-pg$n
restapi:
  listen: 127.0.0.1:$(port "api$n")
  connect_address: 127.0.0.1:$(port "api$n")
etcd3:
  hosts: 127.0.0.1:$(port etcd)
bootstrap:
  dcs:
    # A primary that stops renewing its lease loses it after ttl seconds; the standby then takes over. Short, for one
    # machine whose processes die only when killed: ttl >= loop_wait + 2 * retry_timeout.
    ttl: 10
    loop_wait: 2
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    # An acknowledged commit is on the standby too; Patroni promotes only a synchronous standby.
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        max_connections: 300
        shared_buffers: 256MB
        timezone: UTC
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - auth: scram-sha-256
  pg_hba:
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:$(port "pg$n")
  connect_address: 127.0.0.1:$(port "pg$n")
  data_dir: $ha/pg$n
  bin_dir: $bin
  pgpass: $ha/pgpass-pg$n
  authentication:
    superuser: { username: postgres, password: postgres }
    replication: { username: replicator, password: replicator }
    rewind: { username: postgres, password: postgres }
  parameters:
    unix_socket_directories: '$ha'
YAML
    mkdir -p "$ha/log-pg$n"
  done
  if [ "$(id -u)" = 0 ]; then
    id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    chown -R "$owner" "$ha"
    local p="$ha"
    while [ "$p" != "/" ]; do p=$(dirname "$p"); chmod o+x "$p" 2>/dev/null || true; done
  fi
}

# Alive, and not a zombie: a process whose parent exited may be left unreaped by this machine's init.
running() {
  [ -f "$ha/$1.pid" ] || return 1
  local state
  state=$(awk '{print $3}' "/proc/$(cat "$ha/$1.pid")/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

launch() { # name, command...
  local name=$1
  shift
  running "$name" && return 0
  as_owner sh -c "$(printf '%q ' "$@") >> $(printf '%q' "$ha/$name.log") 2>&1 & echo \$! > $(printf '%q' "$ha/$name.pid")"
}

patronictl() { as_owner /usr/bin/patronictl -c "$ha/pg1.yml" "$@"; }

# The members as Patroni's REST API lists them: one line each, "name role state lag".
members() {
  curl -sf "http://127.0.0.1:$(port api1)/cluster" 2>/dev/null || curl -sf "http://127.0.0.1:$(port api2)/cluster" 2>/dev/null
}

primary_port() {
  members | python3 -c 'import json,sys; m=[x for x in json.load(sys.stdin)["members"] if x["role"]=="leader" and x["state"]=="running"]; print(m[0]["port"] if m else "")'
}

# Whether the server on this port accepts writes now: asked of the server itself, not of etcd, whose leader key
# outlives a killed primary by up to its ttl.
is_primary() {
  PGPASSWORD=postgres psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -tAc "SELECT NOT pg_is_in_recovery()" 2>/dev/null | grep -q t
}

wait_for_pair() {
  local i
  for i in $(seq 1 120); do
    if members | python3 -c 'import json,sys; m=json.load(sys.stdin)["members"]; sys.exit(0 if any(x["role"]=="leader" and x["state"]=="running" for x in m) and any(x["role"]=="sync_standby" and x["state"] in ("running","streaming") for x in m) else 1)' 2>/dev/null \
       && is_primary "$(primary_port)"; then
      return 0
    fi
    sleep 1
  done
  say "no primary with a synchronous standby after two minutes; logs in $ha"
  status >&2 || true
  exit 1
}

ensure_database() {
  local port
  port=$(primary_port)
  # The tests create and drop a database each, as on ops/pg.sh's server.
  PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'" | grep -q 1 \
    || PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE ROLE $user LOGIN CREATEDB PASSWORD '$user'" >/dev/null
  PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
    || PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc \
         "CREATE DATABASE $database OWNER $user ENCODING 'UTF8' TEMPLATE template0" >/dev/null
}

hosts() { echo "127.0.0.1:$(port pg1),127.0.0.1:$(port pg2)"; }

# Writes and Orleans' membership: whichever server is the primary now (Npgsql tries the hosts in turn).
url() { echo "Host=$(hosts);Database=$database;Username=$user;Password=$user;Target Session Attributes=primary"; }

# Reads that may lag by a few milliseconds: the standby while there is one.
url_reads() { echo "Host=$(hosts);Database=$database;Username=$user;Password=$user;Target Session Attributes=prefer-standby"; }

start() {
  ensure_packages
  create
  launch etcd /usr/bin/etcd --name "$scope" --data-dir "$ha/etcd" \
    --listen-client-urls "http://127.0.0.1:$(port etcd)" --advertise-client-urls "http://127.0.0.1:$(port etcd)" \
    --listen-peer-urls "http://127.0.0.1:$(port etcd_peer)" --initial-advertise-peer-urls "http://127.0.0.1:$(port etcd_peer)" \
    --initial-cluster "$scope=http://127.0.0.1:$(port etcd_peer)"
  launch patroni-pg1 /usr/bin/patroni "$ha/pg1.yml"
  # The first server bootstraps the cluster; the second then copies it (pg_basebackup) and follows.
  sleep 3
  launch patroni-pg2 /usr/bin/patroni "$ha/pg2.yml"
  wait_for_pair
  ensure_database
  say "primary on port $(primary_port), synchronous standby following; 'ops/pg-ha.sh status' shows them"
  url
}

status() {
  if ! running etcd; then say "not running"; return 1; fi
  patronictl list
}

# The primary's postmaster, killed with its backends and its Patroni: as if its machine died. The standby is promoted after the lease.
kill_primary() {
  local port pid name
  port=$(primary_port)
  [ -n "$port" ] || { say "no primary to kill"; exit 1; }
  name=$([ "$port" = "$(port pg1)" ] && echo pg1 || echo pg2)
  pid=$(head -1 "$ha/$name/postmaster.pid")
  # Its backends too, in the same kill: a backend outlives its killed postmaster until it notices, and meanwhile answers
  # a query on a connection it holds, which a dead machine would not.
  # shellcheck disable=SC2046
  kill -9 "$(cat "$ha/patroni-$name.pid")" "$pid" $(pgrep -P "$pid") 2>/dev/null || true
  say "killed $name (postmaster $pid, its backends and its Patroni) on port $port"
  echo "$name"
}

# Brings a killed server back: Patroni rewinds it and it follows the new primary as the standby.
revive() {
  local name=${1:?}
  launch "patroni-$name" /usr/bin/patroni "$ha/$name.yml"
  wait_for_pair
  say "$name is back as the standby"
}

switchover() {
  local candidate
  candidate=$(members | python3 -c 'import json,sys; m=[x["name"] for x in json.load(sys.stdin)["members"] if x["role"]=="sync_standby"]; print(m[0] if m else "")')
  [ -n "$candidate" ] || { say "no synchronous standby to switch over to"; exit 1; }
  patronictl switchover "$scope" --candidate "$candidate" --force
  wait_for_pair
}

pause() { patronictl pause "$scope" --wait; }

# Not --wait: a killed member's Patroni never acknowledges. Returns once a server accepts writes: the standby takes the
# lead when the killed primary's lease runs out, and a server revived before then would find its lease still held.
resume() {
  local i
  patronictl resume "$scope"
  for i in $(seq 1 60); do
    if is_primary "$(port pg1)" || is_primary "$(port pg2)"; then return 0; fi
    sleep 1
  done
  say "no primary a minute after resuming; logs in $ha"
  exit 1
}

stop() {
  local name
  for name in patroni-pg1 patroni-pg2; do
    if running "$name"; then kill "$(cat "$ha/$name.pid")" 2>/dev/null || true; fi
  done
  for name in patroni-pg1 patroni-pg2; do
    for _ in $(seq 1 60); do running "$name" || break; sleep 0.5; done
    rm -f "$ha/$name.pid"
  done
  if running etcd; then kill "$(cat "$ha/etcd.pid")"; fi
  rm -f "$ha/etcd.pid"
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  status) status ;;
  url) url ;;
  url-reads) url_reads ;;
  kill-primary) kill_primary ;;
  revive) shift; revive "${1:-}" ;;
  switchover) switchover ;;
  pause) pause ;;
  resume) resume ;;
  stop) stop ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
