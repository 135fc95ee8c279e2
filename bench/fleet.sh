#!/usr/bin/env bash
# Fleet what-if at scale. First: the whole `fgs run` of a fleet scenario (start-up, fleet generation, actor set-up,
# simulation, writing rounds.csv/devices.csv/summary.json) under /usr/bin/time: wall time and peak resident memory,
# three times. Then `fgs bench fleet`: the same scenario on the sequential in-process engine (the reference) and on
# the actor kernel in one process, which must give identical tables.
# Usage: bash bench/fleet.sh [scenario]   (default config/scenarios/fleet-100k.conf)
set -euo pipefail
source "$(dirname "$0")/build.sh"
SCENARIO="${1:-$ROOT/config/scenarios/fleet-100k.conf}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
for run in 1 2 3; do
  /usr/bin/time -f "run $run: wall %e s, peak RSS %M KiB" $FGS run "$SCENARIO" --out "$OUT/run$run" --quiet >/dev/null
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('  ' + ', '.join(f'{k} {d[k]}' for k in ['setup_s','wall_time_s','events','windows','rounds','updates_total','dropouts_total','result_hash']))" "$OUT/run$run/summary.json"
done
echo "# fgs bench fleet $SCENARIO"
$FGS bench fleet "$SCENARIO"
