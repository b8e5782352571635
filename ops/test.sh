#!/usr/bin/env bash
# Runs every test: the domain rules without I/O, and the integration tests against a real PostgreSQL
# (the project's own cluster, started here unless TUYENGIAO_PG names one), a real silo and real HTTP.
# Each integration test run creates and drops its own databases, so TUYENGIAO_PG's user needs CREATEDB.
# Extra arguments go to 'dotnet test' (for example --filter Committee).
set -euo pipefail
source "$(dirname "$0")/env.sh"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test TuyenGiao.sln -c Release -nologo --logger "console;verbosity=detailed" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects, e.g. "tests: 99 passed, 0 failed, 0 skipped".
awk '/^ *Passed: *[0-9]+$/ { p += $2 } /^ *Failed: *[0-9]+$/ { f += $2 } /^ *Skipped: *[0-9]+$/ { s += $2 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
