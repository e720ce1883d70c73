#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what is missing, builds, tests.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit $?
log=$(mktemp)
dotnet test Extractor.sln --no-restore --verbosity quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
