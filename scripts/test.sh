#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite; ends with "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FGS_SETUP_TESTS=1
source "$ROOT/scripts/setup.sh" || exit $?
echo "== building (Release)"
dotnet build FgsActors.sln -c Release --no-restore --verbosity quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }

LOG="$(mktemp)"
echo "== testing"
dotnet test FgsActors.sln -c Release --no-build --verbosity quiet -nologo 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}

# One summary line per test assembly, e.g. "Passed!  - Failed: 0, Passed: 41, Skipped: 0, Total: 41, ...".
read -r passed failed assemblies < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
    match($0, /Failed: +[0-9]+/); f += substr($0, RSTART + 8, RLENGTH - 8) + 0
    match($0, /Passed: +[0-9]+/); p += substr($0, RSTART + 8, RLENGTH - 8) + 0
    n++
  }
  END { printf "%d %d %d\n", p, f, n }' "$LOG")
rm -f "$LOG"

expected=$(ls "$ROOT"/tests/*/*.csproj | wc -l)
if [ "$assemblies" -lt "$expected" ]; then
  echo "error: only $assemblies of $expected test assemblies reported results (a test host crashed?)" >&2
  failed=$((failed + expected - assemblies))
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
