#!/usr/bin/env bash
# Sets everything up, builds, and runs the default scenario (or the scenario and options given).
#   bash scripts/run.sh                                   # config/scenarios/quickstart.conf
#   bash scripts/run.sh config/scenarios/phold-small.conf --set fgs.run.seed=7
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
echo "== building (Release)"
dotnet build FgsActors.sln -c Release --no-restore --verbosity quiet -nologo
if [ "$#" -eq 0 ]; then set -- config/scenarios/quickstart.conf; fi
echo "== fgs run $*"
exec dotnet src/Cli/bin/Release/net10.0/fgs.dll run "$@"
