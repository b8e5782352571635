#!/usr/bin/env bash
# Loads the demo scenario (../shared/DOMAIN.md: the Trà Vinh bloc of agencies and enterprises, 2023, and the figures
# of the five source reports in ../shared/seeds) into a
# running TuyenGiao through its public API. Start the system first with ops/run.sh.
# Safe to run again: every record has a fixed id, so a second run adds nothing.
#   TUYENGIAO_URLS   where the API listens (default http://127.0.0.1:5080)
set -euo pipefail
command -v python3 >/dev/null || { echo "demo.sh: python3 is required" >&2; exit 1; }
# The demo signs in as the bloc's organiser, its member organisations' officers and the judges, with tokens it
# mints from the same key as ops/run.sh.
source "$(dirname "$0")/signing-key.sh"
exec python3 "$(dirname "$0")/demo.py" "${TUYENGIAO_URLS:-http://127.0.0.1:5080}"
