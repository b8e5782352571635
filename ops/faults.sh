#!/usr/bin/env bash
# The longer fault runs, left out of ops/test.sh to keep the suite short: PostgreSQL as a pair under Patroni
# (ops/pg-ha.sh, started here and Patroni and etcd installed when missing), three nodes on it under load, and the
# primary killed, switched over, or down with reads going to the standby. About three minutes here. Run it before an
# issue that touches the write path, connections or failover is resolved. Extra arguments go to 'dotnet test'.
set -euo pipefail
exec "$(dirname "$0")/test.sh" --filter "Category=DatabaseFailover" "$@"
