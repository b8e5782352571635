#!/usr/bin/env bash
# Runs several TuyenGiao nodes on this machine, joined into one Orleans cluster through one PostgreSQL.
#   ops/cluster.sh start N [--silos M] [--db-ha]
#                                        N nodes of Api plus silo, and M grain-only silos (default 0); with --db-ha on
#                                        PostgreSQL under Patroni (ops/pg-ha.sh: a primary and a synchronous standby)
#   ops/cluster.sh status                which nodes run, their ports, whether each Api is ready, and the database pair's
#   ops/cluster.sh restart K             stops node K gracefully and starts it again (one step of a rolling restart)
#   ops/cluster.sh stop                  stops every node started here (PostgreSQL keeps running: ops/pg.sh stop,
#                                        or ops/pg-ha.sh stop)
# Node k (from 1) listens on HTTP 5079+k, silo port 11110+k and gateway 29999+k; grain-only silos come after the
# Api nodes. Logs and pids are in .cluster/. TUYENGIAO_PG, Orleans__ClusterId, Auth__SigningKey and PersonalData__MasterKey apply as in run.sh.
set -euo pipefail
# --db-ha: the nodes write through the multi-host connection string of the Patroni pair, which finds the primary.
if [ "${1:-}" = start ] && [[ " $* " == *" --db-ha "* ]]; then
  TUYENGIAO_PG=$("$(dirname "$0")/pg-ha.sh" start)
  # The audit feed and exports read from the standby while there is one (docs/database-failover.md).
  TUYENGIAO_PG_READS=$("$(dirname "$0")/pg-ha.sh" url-reads)
  export TUYENGIAO_PG TUYENGIAO_PG_READS
fi
source "$(dirname "$0")/env.sh"
source ops/signing-key.sh
state=.cluster
mkdir -p "$state"

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  local apis=$1 silos=0
  [[ "$apis" =~ ^[0-9]+$ ]] && [ "$apis" -ge 1 ] || usage
  shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos=${2:-}; [[ "$silos" =~ ^[0-9]+$ ]] || usage; shift 2 ;;
      --db-ha) shift ;; # handled above, before the database is chosen
      *) usage ;;
    esac
  done
  for pid in "$state"/*.pid; do
    if running "$pid"; then echo "cluster.sh: nodes are running already; 'ops/cluster.sh stop' first" >&2; exit 1; fi
  done
  rm -f "$state"/*.pid "$state"/*.kind "$state"/*.log

  echo "cluster.sh: building" >&2
  dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  dotnet build src/Silo -c Release -nologo -v quiet -clp:ErrorsOnly >&2

  local k total=$((apis + silos))
  for k in $(seq 1 "$total"); do
    if [ "$k" -le "$apis" ]; then launch "$k" api; else launch "$k" silo; fi
  done
  for k in $(seq 1 "$apis"); do wait_ready "$k"; done
  echo "cluster.sh: $apis Api node(s) ready, $silos silo(s) alone; 'ops/cluster.sh stop' ends them" >&2
}

# Starts node $1 as "api" (Api and silo) or "silo" (silo alone) on its ports; the kind is kept for restart.
launch() {
  local k=$1 kind=$2 http=$((5079 + $1)) silo=$((11110 + $1)) gateway=$((29999 + $1))
  if [ "$kind" = api ]; then
    (cd src/Api && Orleans__SiloPort=$silo Orleans__GatewayPort=$gateway \
      exec dotnet bin/Release/net10.0/TuyenGiao.Api.dll --urls "http://127.0.0.1:$http") >> "$state/node-$k.log" 2>&1 &
    echo "node $k: Api and silo, http://127.0.0.1:$http, silo $silo, gateway $gateway" >&2
  else
    (cd src/Silo && Orleans__SiloPort=$silo Orleans__GatewayPort=$gateway \
      exec dotnet bin/Release/net10.0/TuyenGiao.Silo.dll) >> "$state/node-$k.log" 2>&1 &
    echo "node $k: silo alone, silo $silo, gateway $gateway" >&2
  fi
  echo "$!" > "$state/node-$k.pid"
  echo "$kind" > "$state/node-$k.kind"
}

wait_ready() {
  local k=$1 url="http://127.0.0.1:$((5079 + $1))/health/ready"
  for _ in $(seq 1 120); do
    if curl -sf "$url" >/dev/null 2>&1; then return 0; fi
    running "$state/node-$k.pid" || break
    sleep 0.5
  done
  echo "cluster.sh: node $k is not ready; see $state/node-$k.log" >&2
  exit 1
}

# SIGTERM, then up to 10 s for the node to hand its grains over and leave the cluster, then SIGKILL.
stop_node() {
  local pid=$1
  if running "$pid"; then kill "$(cat "$pid")" 2>/dev/null || true; fi
  for _ in $(seq 1 40); do running "$pid" || break; sleep 0.25; done
  if running "$pid"; then kill -9 "$(cat "$pid")" 2>/dev/null || true; fi
  rm -f "$pid"
}

restart() {
  local k=${1:-}
  [[ "$k" =~ ^[0-9]+$ ]] && [ -f "$state/node-$k.kind" ] || { echo "cluster.sh: no node $k was started here" >&2; exit 1; }
  local kind
  kind=$(cat "$state/node-$k.kind")
  stop_node "$state/node-$k.pid"
  echo "cluster.sh: node $k stopped" >&2
  launch "$k" "$kind"
  if [ "$kind" = api ]; then wait_ready "$k"; fi
  echo "cluster.sh: node $k is back" >&2
}

status() {
  local any=no pid k
  for pid in "$state"/node-*.pid; do
    [ -f "$pid" ] || continue
    any=yes
    k=$(basename "$pid" .pid); k=${k#node-}
    if running "$pid"; then
      if grep -q "TuyenGiao.Api" "/proc/$(cat "$pid")/cmdline" 2>/dev/null; then
        local url="http://127.0.0.1:$((5079 + k))"
        if curl -sf "$url/health/ready" >/dev/null 2>&1; then echo "node $k: running, $url ready"; else echo "node $k: running, $url not ready"; fi
      else
        echo "node $k: running, silo alone"
      fi
    else
      echo "node $k: stopped"
    fi
  done
  [ "$any" = yes ] || echo "no nodes started by cluster.sh"
  # The Patroni pair, when it runs: which server is the primary, the synchronous standby's lag.
  if [ -d .pgha ]; then ops/pg-ha.sh status 2>/dev/null || true; fi
}

stop() {
  local pid
  # Every node is told at once; then each gets its grace period.
  for pid in "$state"/node-*.pid; do
    [ -f "$pid" ] || continue
    if running "$pid"; then kill "$(cat "$pid")" 2>/dev/null || true; fi
  done
  for pid in "$state"/node-*.pid; do
    [ -f "$pid" ] && stop_node "$pid"
  done
  rm -f "$state"/node-*.kind
  echo "cluster.sh: stopped" >&2
}

case "${1:-}" in
  start) shift; [ $# -ge 1 ] || usage; start "$@" ;;
  status) status ;;
  restart) shift; restart "${1:-}" ;;
  stop) stop ;;
  *) usage ;;
esac
