# Sourced by ops/run.sh and ops/test.sh: checks the SDK and makes TUYENGIAO_PG point at a running PostgreSQL,
# starting the project's own cluster unless TUYENGIAO_PG already names one.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

command -v dotnet >/dev/null || { echo "$(basename "$0"): the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

if [ -z "${TUYENGIAO_PG:-}" ]; then
  TUYENGIAO_PG=$(ops/pg.sh start)
  export TUYENGIAO_PG
fi
