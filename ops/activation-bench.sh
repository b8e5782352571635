#!/usr/bin/env bash
# Activation of one very large contest: ten million entries by default, loaded through grain calls on a scratch
# database of its own (dropped afterwards), then the contest's first call after its grain is deactivated, twice.
# Writes the figures to bench-results/activation-*.json. Ten million entries take about 40 minutes to load on 2 cores.
# Options go to the benchmark: --entries 10000000 --clients 64 --out bench-results
set -euo pipefail
source "$(dirname "$0")/env.sh"
# Its nodes seal and open personal data under ops/run.sh's master key (a node refuses to start without one).
source "$(dirname "$0")/signing-key.sh"
echo "activation-bench.sh: building (Release)" >&2
dotnet build tests/TuyenGiao.Bench -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet tests/TuyenGiao.Bench/bin/Release/net10.0/TuyenGiao.Bench.dll activation "$@"
