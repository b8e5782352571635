#!/usr/bin/env bash
# Runs several TuyenGiao nodes on this machine, joined into one Orleans cluster through one PostgreSQL.
#   ops/cluster.sh start N [--silos M]   N nodes of Api plus silo, and M grain-only silos (default 0)
#   ops/cluster.sh status                which nodes run, their ports, and whether each Api is ready
#   ops/cluster.sh stop                  stops every node started here (PostgreSQL keeps running: ops/pg.sh stop)
# Node k (from 1) listens on HTTP 5079+k, silo port 11110+k and gateway 29999+k; grain-only silos come after the
# Api nodes. Logs and pids are in .cluster/. TUYENGIAO_PG, Orleans__ClusterId and Auth__SigningKey apply as in run.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source ops/signing-key.sh
state=.cluster
mkdir -p "$state"

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  local apis=$1 silos=0
  [[ "$apis" =~ ^[0-9]+$ ]] && [ "$apis" -ge 1 ] || usage
  shift
  if [ "${1:-}" = "--silos" ]; then
    silos=${2:-}
    [[ "$silos" =~ ^[0-9]+$ ]] || usage
  fi
  for pid in "$state"/*.pid; do
    if running "$pid"; then echo "cluster.sh: nodes are running already; 'ops/cluster.sh stop' first" >&2; exit 1; fi
  done
  rm -f "$state"/*.pid

  echo "cluster.sh: building" >&2
  dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  dotnet build src/Silo -c Release -nologo -v quiet -clp:ErrorsOnly >&2

  local k total=$((apis + silos))
  for k in $(seq 1 "$total"); do
    local http=$((5079 + k)) silo=$((11110 + k)) gateway=$((29999 + k))
    if [ "$k" -le "$apis" ]; then
      (cd src/Api && Orleans__SiloPort=$silo Orleans__GatewayPort=$gateway \
        exec dotnet bin/Release/net10.0/TuyenGiao.Api.dll --urls "http://127.0.0.1:$http") > "$state/node-$k.log" 2>&1 &
      echo "$!" > "$state/node-$k.pid"
      echo "node $k: Api and silo, http://127.0.0.1:$http, silo $silo, gateway $gateway" >&2
    else
      (cd src/Silo && Orleans__SiloPort=$silo Orleans__GatewayPort=$gateway \
        exec dotnet bin/Release/net10.0/TuyenGiao.Silo.dll) > "$state/node-$k.log" 2>&1 &
      echo "$!" > "$state/node-$k.pid"
      echo "node $k: silo alone, silo $silo, gateway $gateway" >&2
    fi
  done

  for k in $(seq 1 "$apis"); do
    local url="http://127.0.0.1:$((5079 + k))/health/ready" ready=no
    for _ in $(seq 1 120); do
      if curl -sf "$url" >/dev/null 2>&1; then ready=yes; break; fi
      running "$state/node-$k.pid" || break
      sleep 0.5
    done
    if [ "$ready" != yes ]; then
      echo "cluster.sh: node $k is not ready; see $state/node-$k.log" >&2
      exit 1
    fi
  done
  echo "cluster.sh: $apis Api node(s) ready, $silos silo(s) alone; 'ops/cluster.sh stop' ends them" >&2
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
}

stop() {
  local pid
  for pid in "$state"/node-*.pid; do
    [ -f "$pid" ] || continue
    if running "$pid"; then kill "$(cat "$pid")" 2>/dev/null || true; fi
  done
  for pid in "$state"/node-*.pid; do
    [ -f "$pid" ] || continue
    for _ in $(seq 1 40); do running "$pid" || break; sleep 0.25; done
    if running "$pid"; then kill -9 "$(cat "$pid")" 2>/dev/null || true; fi
    rm -f "$pid"
  done
  echo "cluster.sh: stopped" >&2
}

case "${1:-}" in
  start) shift; [ $# -ge 1 ] || usage; start "$@" ;;
  status) status ;;
  stop) stop ;;
  *) usage ;;
esac
