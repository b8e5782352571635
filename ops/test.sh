#!/usr/bin/env bash
# Runs every test: the domain rules without I/O, and the integration tests against a real PostgreSQL
# (the project's own cluster, started here unless TUYENGIAO_PG names one), a real silo and real HTTP, and the web UI in
# headless Chromium (installed here from Debian's packages when missing and run as root), with axe-core from npm
# injected for the accessibility checks. Screenshots of the browser tests are kept in test-artifacts/screenshots.
# Each integration test run creates and drops its own databases, so TUYENGIAO_PG's user needs CREATEDB.
# Extra arguments go to 'dotnet test' (for example --filter Committee). Without a filter of its own, the run leaves out
# the longer fault runs on a PostgreSQL pair under Patroni (trait Category=DatabaseFailover): ops/faults.sh runs those.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# The browser tests drive Debian's Chromium through its ChromeDriver (no browser is downloaded).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium and chromium-driver for the browser tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
  else
    echo "test.sh: the browser tests need Chromium: sudo apt-get install chromium chromium-driver" >&2
  fi
fi

# The accessibility checks inject axe-core (from npm, pinned by its lock file) into the pages under test.
axe_dir="$(dirname "$0")/../tests/TuyenGiao.Integration.Tests/WebUi/Axe"
if [ ! -f "$axe_dir/node_modules/axe-core/axe.min.js" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "test.sh: installing Debian's npm for the accessibility checks" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
    else
      echo "test.sh: the accessibility checks need npm: sudo apt-get install npm" >&2
    fi
  fi
  echo "test.sh: installing axe-core for the accessibility checks" >&2
  npm ci --prefix "$axe_dir" --no-audit --no-fund >&2
fi

filter=(--filter "Category!=DatabaseFailover")
for argument in "$@"; do
  case "$argument" in --filter|--filter=*) filter=() ;; esac
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test TuyenGiao.sln -c Release -nologo --logger "console;verbosity=detailed" "${filter[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects, e.g. "tests: 99 passed, 0 failed, 0 skipped".
ran=$(awk '/^ *Passed: *[0-9]+$/ { p += $2 } /^ *Failed: *[0-9]+$/ { f += $2 } /^ *Skipped: *[0-9]+$/ { s += $2 }
           END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log")
echo "$ran"
# A run in which no test ran is no pass: a filter that matches nothing (a renamed trait, say) would otherwise succeed.
if [ "$status" = 0 ] && [ "$ran" = "tests: 0 passed, 0 failed, 0 skipped" ]; then
  echo "test.sh: no test ran (the filter matched none)" >&2
  status=1
fi
# Then each failed test with the first lines of its message, so that the end of a long log (all CI keeps) names them.
awk '/^ *Failed [A-Za-z_][A-Za-z0-9_.]*[ (]/ { sub(/^ *Failed /, ""); print "failed: " $0; shown = 0; inmsg = 1; next }
     inmsg && /^ *Stack Trace:/ { inmsg = 0; next }
     inmsg && /^ *Error Message:/ { next }
     inmsg && shown < 6 && NF { sub(/^ */, "  "); print; shown++ }
     inmsg && /^ *(Passed|Skipped) / { inmsg = 0 }' "$log"
exit "$status"
