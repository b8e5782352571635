#!/usr/bin/env bash
# The benchmark: pgbench's baseline on the same PostgreSQL, ingest over HTTP (one contest, 100 contests) and
# through grain calls, live-tally freshness under load, activation and replay of a million-entry contest, and the
# NDJSON export of its stream.
# Prints a table and writes the same figures as JSON to bench-results/ (or --out DIR).
# Options go to the benchmark: --seconds 20 --warmup 5 --clients 64 --rate 1000 --entries 1000000 --out bench-results
# A full run takes about ten minutes on 2 cores (most of it loading the million entries).
set -euo pipefail
source "$(dirname "$0")/env.sh"
# The bench's nodes read personal data under the same master key as ops/run.sh's (its database keeps the streams).
source "$(dirname "$0")/signing-key.sh"
echo "bench.sh: building (Release)" >&2
dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build tests/TuyenGiao.Bench -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet tests/TuyenGiao.Bench/bin/Release/net10.0/TuyenGiao.Bench.dll all --root "$root" "$@"
