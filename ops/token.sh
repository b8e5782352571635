#!/usr/bin/env bash
# Prints a bearer token for the local TuyenGiao, signed with the key ops/run.sh uses (.secrets/jwt-signing-key,
# or Auth__SigningKey when set).
#   ops/token.sh admin
#   ops/token.sh officer TV-KHOI            an officer of TV-KHOI (records for it and the committees below it)
#   ops/token.sh organiser TV-KHOI          runs the contests TV-KHOI organises
#   ops/token.sh judge --sub gk-tinh-1      a judge, by their id on the panel
#   ops/token.sh auditor
# Use it as: curl -H "Authorization: Bearer $(ops/token.sh admin)" ...
set -euo pipefail
source "$(dirname "$0")/signing-key.sh"
exec python3 "$(dirname "$0")/tokens.py" "$@"
