#!/usr/bin/env bash
# An online quiz at national volume over HTTP, through the public endpoints: 3,000,000 people register, 1,000,000
# start an attempt in the round and submit it at once (as before a deadline), the round closes and its results (every
# attempt ranked, with the key) are asked for; the plain API peer of ops/bench.sh runs first, for the comparison.
# Writes the figures to bench-results/quiz-*.json. At full size it takes over an hour on 2 cores; a smaller run:
#   ops/quiz-bench.sh --people 300000 --attempts 100000 --round-minutes 10
# Options go to the benchmark: --people --attempts --clients 64 --round-minutes 40 --out bench-results
set -euo pipefail
source "$(dirname "$0")/env.sh"
# Its nodes seal and open personal data under ops/run.sh's master key (a node refuses to start without one).
source "$(dirname "$0")/signing-key.sh"
echo "quiz-bench.sh: building (Release)" >&2
dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build tests/TuyenGiao.Bench -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet tests/TuyenGiao.Bench/bin/Release/net10.0/TuyenGiao.Bench.dll quiz --root "$root" "$@"
