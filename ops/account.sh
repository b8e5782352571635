#!/usr/bin/env bash
# Creates a person's account on the running system and gives it grants; prints the first password once.
#   ops/account.sh lan.nguyen "Nguyễn Thị Lan" --email lan@travinh.gov.vn --grant officer@TV-KHOI
#   ops/account.sh quan.tri "Quản trị viên" --phone 0912345678 --grant admin
#   TUYENGIAO_URLS   where the API listens (default http://127.0.0.1:5080)
set -euo pipefail
command -v python3 >/dev/null || { echo "account.sh: python3 is required" >&2; exit 1; }
source "$(dirname "$0")/signing-key.sh"
exec python3 "$(dirname "$0")/accounts.py" --url "${TUYENGIAO_URLS:-http://127.0.0.1:5080}" "$@"
