#!/usr/bin/env bash
# A rolling restart under load: three nodes on the project's PostgreSQL, clients submitting entries, node 2 stopped with
# SIGTERM and started again on its own ports (as 'ops/cluster.sh restart 2' does). Prints how long any append stalled
# and writes the figures to bench-results/restart-*.json. About a minute on 2 cores.
# Options go to the benchmark: --clients 16 --out bench-results
set -euo pipefail
source "$(dirname "$0")/env.sh"
# Its nodes seal and open personal data under ops/run.sh's master key (a node refuses to start without one).
source "$(dirname "$0")/signing-key.sh"
echo "restart-bench.sh: building (Release)" >&2
dotnet build TuyenGiao.sln -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet tests/TuyenGiao.Bench/bin/Release/net10.0/TuyenGiao.Bench.dll restart --root "$root" "$@"
