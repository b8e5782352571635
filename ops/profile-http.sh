#!/usr/bin/env bash
# Where the time of an HTTP submission goes: starts the Api (Release, its own process, as ops/run.sh does) on the
# project's PostgreSQL, sets up a province, a cell and an open contest, loads it with wrk (64 connections, a new
# entry per request) and samples the Api's CPU with dotnet-trace meanwhile; prints wrk's figures and the methods
# that took the most CPU (exclusive and inclusive). Needs wrk (apt-get install wrk) and dotnet-trace
# (dotnet tool install -g dotnet-trace). After the load it prints, from the Api's own /metrics, how the appends went:
# events per transaction, the wait for a transaction and the transaction's time (one contest has one append in flight,
# so these two bound its ingest). Options: --seconds 20 --warmup 5 --connections 64 --out bench-results
set -euo pipefail
source "$(dirname "$0")/env.sh"
# Its node reads personal data under the same master key as ops/run.sh's (PersonalData__MasterKey, exported here).
source "$(dirname "$0")/signing-key.sh"
seconds=20; warmup=5; connections=64; out=bench-results
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "profile-http.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "profile-http.sh: wrk is needed: apt-get install wrk" >&2; exit 1; }
trace=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
[ -x "$trace" ] || { echo "profile-http.sh: dotnet-trace is needed: dotnet tool install -g dotnet-trace" >&2; exit 1; }

dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
token=$(Auth__SigningKey=$key python3 ops/tokens.py admin --sub profile-admin)
log=$(mktemp)
TUYENGIAO_PG=$TUYENGIAO_PG Auth__SigningKey=$key Logging__LogLevel__Default=Warning \
  RateLimits__SubmissionsPerSecond=1000000 RateLimits__SubmissionBurst=1000000 \
  Orleans__ClusterId="profile-$RANDOM" Orleans__SiloPort=$((port + 1)) Orleans__GatewayPort=$((port + 2)) \
  dotnet src/Api/bin/Release/net10.0/TuyenGiao.Api.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "profile-http.sh: the Api did not become ready" >&2; cat "$log" >&2; exit 1; }

suffix=$(python3 -c 'import uuid; print(uuid.uuid4().hex[:6].upper())')
post() { curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$port$1"; }
post /api/committees "{\"code\":\"PP$suffix\",\"name\":\"Tỉnh ủy\",\"level\":\"Province\",\"memberCount\":50000}"
post /api/committees "{\"code\":\"PG$suffix\",\"name\":\"Đảng bộ cơ sở\",\"level\":\"Grassroots\",\"parentCode\":\"PP$suffix\",\"memberCount\":500}"
now=$(date -u +%Y-%m-%dT%H:%M:%SZ); later=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ); earlier=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
post /api/contests "{\"contestId\":\"PROFILE-$suffix\",\"organiserCode\":\"PP$suffix\",\"kind\":\"Writing\",\"title\":\"Khát vọng Trà Vinh\",\"opensAt\":\"$earlier\",\"closesAt\":\"$later\",\"target\":1277,\"perAuthorLimit\":1,\"individualPrizes\":[{\"name\":\"Giải nhất\",\"count\":1}]}"

export TUYENGIAO_TOKEN=$token TUYENGIAO_CONTEST="PROFILE-$suffix" TUYENGIAO_CELL="PG$suffix"
echo "profile-http.sh: warm-up ($warmup s), then $seconds s of load with dotnet-trace sampling the Api (pid $api)" >&2
TUYENGIAO_RUN=warm wrk -t2 -c"$connections" -d"${warmup}s" -s ops/profile/post-entries.lua "http://127.0.0.1:$port" >/dev/null
mkdir -p "$out"
file="$out/profile-$(date -u +%Y%m%d-%H%M%S).nettrace"
"$trace" collect -p "$api" --profile dotnet-sampled-thread-time -o "$file" --duration "00:00:00:$seconds" >/dev/null &
tracer=$!
# CPU seconds per process over the measured run (utime + stime from /proc, in clock ticks): the Api, PostgreSQL's
# processes, wrk. On two shared cores this says first whose time it is.
cpu() { awk '{ s += $14 + $15 } END { print s + 0 }' $(for p in "$@"; do [ -r "/proc/$p/stat" ] && echo "/proc/$p/stat"; done) 2>/dev/null || echo 0; }
metrics() { curl -sf "http://127.0.0.1:$port/metrics" || true; }
metrics >"$log.before"
api_before=$(cpu $api); pg_before=$(cpu $(pgrep postgres))
TUYENGIAO_RUN=run wrk -t2 -c"$connections" -d"${seconds}s" --latency -s ops/profile/post-entries.lua "http://127.0.0.1:$port" &
load=$!
sleep 1; wrk_pid=$(pgrep -n -x wrk || true); wrk_before=$(cpu $wrk_pid)
sleep $((seconds - 2)); wrk_after=$(cpu $wrk_pid)
wait $load
api_after=$(cpu $api); pg_after=$(cpu $(pgrep postgres))
metrics >"$log.after"
python3 - "$log.before" "$log.after" "$seconds" <<'PY'
import re, sys
def read(path):
    sums = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"(tuyengiao_eventstore_(?:append_batch_size|append_wait_milliseconds|commit_duration_milliseconds)_(?:sum|count))(?:\{[^}]*\})? ([0-9.e+-]+)", line)
        if m:
            sums[m.group(1)] = sums.get(m.group(1), 0.0) + float(m.group(2))
    return sums
before, after, seconds = read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[3])
d = lambda name: after.get(name, 0.0) - before.get(name, 0.0)
mean = lambda name: d(name + "_sum") / d(name + "_count") if d(name + "_count") else float("nan")
print(f"Appends during the load: {d('tuyengiao_eventstore_append_batch_size_count') / seconds:,.0f} per second, "
      f"{mean('tuyengiao_eventstore_append_batch_size'):.1f} events each; waiting for a transaction {mean('tuyengiao_eventstore_append_wait_milliseconds'):.2f} ms, "
      f"the transaction {mean('tuyengiao_eventstore_commit_duration_milliseconds'):.2f} ms (mean)")
PY
rm -f "$log.before" "$log.after"
ticks=$(getconf CLK_TCK)
python3 - "$ticks" "$seconds" "$api_before" "$api_after" "$pg_before" "$pg_after" "$wrk_before" "$wrk_after" <<'PY'
import os, sys
t, s, a0, a1, p0, p1, w0, w1 = (float(x) for x in sys.argv[1:])
api, pg, wrk = (a1 - a0) / t, (p1 - p0) / t, (w1 - w0) / t * s / (s - 3)
print(f"CPU over {s:.0f} s on {os.cpu_count()} cores: Api {api:.1f} s ({api / s:.0%} of a core), "
      f"PostgreSQL {pg:.1f} s ({pg / s:.0%}), wrk about {wrk:.1f} s ({wrk / s:.0%})")
PY
wait $tracer || true
echo "trace written to $file" >&2
"$trace" report "$file" topN -n 25 2>/dev/null || true
"$trace" report "$file" topN -n 40 --inclusive 2>/dev/null || true
