#!/usr/bin/env bash
# A project-local PostgreSQL cluster for running and testing TuyenGiao.
#
#   ops/pg.sh start   create the cluster on first use (initdb), start it, print its connection string
#   ops/pg.sh stop    stop it (the data stays in .pgdata/)
#   ops/pg.sh url     print the connection string of the running cluster
#   ops/pg.sh status  say whether it runs
#
# The cluster lives in .pgdata/ (git-ignored), listens on 127.0.0.1 only, on a free port chosen at
# first start and kept in .pgdata/port. A second `start` reuses the running cluster.
# When TUYENGIAO_PG holds a connection string, that server is used instead and nothing is started.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/.pgdata"
cluster="$data/cluster"
log="$data/postgres.log"
database=tuyengiao
user=tuyengiao

say() { printf 'pg.sh: %s\n' "$*" >&2; }

find_bin_dir() {
  if command -v pg_config >/dev/null 2>&1; then
    local d
    d=$(pg_config --bindir 2>/dev/null || true)
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  for d in /usr/local/bin /usr/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_binaries() {
  if bin=$(find_bin_dir); then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL server binaries not found; installing Debian's 'postgresql' package"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(find_bin_dir) && return 0
  fi
  say "PostgreSQL server binaries (initdb, pg_ctl) are missing."
  say "Install them with:  sudo apt-get install postgresql   (or set TUYENGIAO_PG to an existing server)"
  exit 1
}

# initdb and postgres refuse to run as root: when we are root, run them as an unprivileged owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    local owner=postgres
    id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    chown -R "$owner" "$data"
    # The owner must be able to reach the data folder through every parent folder.
    local p="$data"
    while [ "$p" != "/" ]; do p=$(dirname "$p"); chmod o+x "$p" 2>/dev/null || true; done
    su -s /bin/sh "$owner" -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

port_in_use() {
  python3 - "$1" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(0)
sys.exit(1)
PY
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

url() {
  local port
  port=$(cat "$data/port")
  echo "Host=127.0.0.1;Port=$port;Database=$database;Username=$user;Password=$user"
}

running() {
  [ -f "$cluster/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$cluster" status >/dev/null 2>&1
}

start() {
  ensure_binaries
  mkdir -p "$data"
  if [ ! -f "$cluster/PG_VERSION" ]; then
    say "creating a cluster in $cluster"
    rm -rf "$cluster"
    mkdir -p "$cluster"
    printf '%s\n' "$user" > "$data/pwfile"
    as_owner "$bin/initdb" -D "$cluster" -U "$user" --pwfile="$data/pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
      || as_owner "$bin/initdb" -D "$cluster" -U "$user" --pwfile="$data/pwfile" --auth=scram-sha-256 \
           --encoding=UTF8 --no-locale >"$data/initdb.log" 2>&1 \
      || { say "initdb failed:"; cat "$data/initdb.log" >&2; exit 1; }
    rm -f "$data/pwfile"
    free_port > "$data/port"
    cat >> "$cluster/postgresql.conf" <<CONF

# --- TuyenGiao: a local cluster for development and tests ---
listen_addresses = '127.0.0.1'
port = $(cat "$data/port")
unix_socket_directories = ''
timezone = 'UTC'
max_connections = 300
shared_buffers = 256MB
# Durability is kept (fsync on): the tests prove that nothing acknowledged is lost.
CONF
  fi
  if running; then
    say "already running on port $(cat "$data/port")"
  else
    if port_in_use "$(cat "$data/port")"; then
      # Something else took our port while the cluster was stopped: move to a free one.
      free_port > "$data/port"
      sed -i "s/^port = .*/port = $(cat "$data/port")/" "$cluster/postgresql.conf"
      say "port taken by another program; moving to $(cat "$data/port")"
    fi
    as_owner "$bin/pg_ctl" -D "$cluster" -l "$log" -w -t 60 start >/dev/null \
      || { say "PostgreSQL did not start; its log:"; tail -n 30 "$log" >&2; exit 1; }
    say "started on 127.0.0.1:$(cat "$data/port")"
  fi
  ensure_database
  url
}

ensure_database() {
  local port
  port=$(cat "$data/port")
  PGPASSWORD=$user "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
    || PGPASSWORD=$user "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -qc \
         "CREATE DATABASE $database ENCODING 'UTF8' TEMPLATE template0" >/dev/null
}

stop() {
  if ! bin=$(find_bin_dir); then say "no PostgreSQL binaries: nothing to stop"; return 0; fi
  if running; then
    as_owner "$bin/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

if [ -n "${TUYENGIAO_PG:-}" ]; then
  case "${1:-}" in
    start|url) echo "$TUYENGIAO_PG"; exit 0 ;;
    stop|status) say "TUYENGIAO_PG is set: the server it names is not managed here"; exit 0 ;;
  esac
fi

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url)
    ensure_binaries
    if [ -f "$data/port" ] && running; then url; else say "not running: use 'ops/pg.sh start'"; exit 1; fi ;;
  status)
    ensure_binaries
    if [ -f "$data/port" ] && running; then say "running on port $(cat "$data/port")"; else say "not running"; exit 1; fi ;;
  *) echo "usage: ops/pg.sh start|stop|url|status" >&2; exit 2 ;;
esac
