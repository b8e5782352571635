#!/usr/bin/env bash
# Runs TuyenGiao: starts the project's PostgreSQL when TUYENGIAO_PG is not set, then the Api with a co-hosted silo.
#   TUYENGIAO_URLS   where HTTP listens (default http://127.0.0.1:5080)
#   TUYENGIAO_PG     an existing PostgreSQL connection string (then no local cluster is started)
#   Orleans__SiloPort / Orleans__GatewayPort / Orleans__ClusterId   to run several nodes on one machine
#   Auth__SigningKey the key of the bearer tokens (default: .secrets/jwt-signing-key, made on first run)
#   PersonalData__MasterKey the key that wraps personal data's keys (default: .secrets/personal-data-master-key, made on first run)
set -euo pipefail
source "$(dirname "$0")/env.sh"
source ops/signing-key.sh
urls=${TUYENGIAO_URLS:-http://127.0.0.1:5080}
first=${urls%%;*}

echo "run.sh: building" >&2
dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# Say when the system is ready, without holding up its start.
(
  for _ in $(seq 1 120); do
    if curl -sf "$first/health/ready" >/dev/null 2>&1; then
      cat >&2 <<MSG

TuyenGiao is ready.
  Web UI              $first/ui/
  API and Swagger UI  $first/swagger
  OpenAPI document    $first/swagger/v1/swagger.json
  Health              $first/health/ready
  Metrics             $first/metrics   (Prometheus text)
  Orleans dashboard   $first/dashboard   (admins: sign in with the token below)
  PostgreSQL          ${TUYENGIAO_PG%%;Password=*}
  An admin token      ops/token.sh admin   (Swagger UI: Authorize, paste it; curl: -H "Authorization: Bearer \$(ops/token.sh admin)")
Stop with Ctrl+C; 'ops/pg.sh stop' stops PostgreSQL.
MSG
      exit 0
    fi
    sleep 0.5
  done
  echo "run.sh: not ready after 60 s; see the log above" >&2
) &

cd src/Api
exec dotnet bin/Release/net10.0/TuyenGiao.Api.dll --urls "$urls"
