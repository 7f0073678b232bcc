#!/usr/bin/env bash
# The unit suite again with the machine's clock moved (Debian's faketime, libfaketime): a test that
# depends on today's date fails here, not next month. Run by .ci/run after `npm test`.
#   +400 days, in UTC                         — data written "today" is checked a year and more later
#   27.3.2027 12:00, the machine in Helsinki  — the day before the clocks go forward (EEST starts 28.3.2027)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
  echo "test-unit-moved-clock: needs Debian's faketime (sudo apt-get install -y faketime)" >&2
  exit 1
fi
# Timers and timeouts keep the real monotonic clock; only the wall clock moves.
export FAKETIME_DONT_FAKE_MONOTONIC=1
run() {
  echo "unit tests with the wall clock at: $2 (TZ=$1)"
  TZ="$1" faketime -f "$2" npx vitest run --project unit --reporter=dot
}
run UTC '+400d'
run Europe/Helsinki '@2027-03-27 12:00:00'
