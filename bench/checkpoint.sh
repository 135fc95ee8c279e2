#!/usr/bin/env bash
# What checkpoints cost and what resuming gives, on one fleet scenario, side by side in one session:
#   1. the run without checkpoints (the reference),
#   2. the same run with a checkpoint every N closed rounds and no wall-clock floor: overhead per checkpoint, file size,
#   3. the same run killed (SIGKILL) right after its first checkpoint, then `fgs run --resume`: the resumed part's wall
#      time, and whether its result_hash equals the reference's.
# Usage: bash bench/checkpoint.sh [scenario] [every-rounds] [--set key=value ...]   (default config/scenarios/fleet-100k.conf, 10)
set -euo pipefail
source "$(dirname "$0")/build.sh"
SCENARIO="${1:-$ROOT/config/scenarios/fleet-100k.conf}"
EVERY="${2:-10}"
EXTRA=("${@:3}")
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ''))" "$1/summary.json" "$2"; }

$FGS run "$SCENARIO" --out "$OUT/plain" --quiet "${EXTRA[@]}" --set fgs.output.checkpoint-every-rounds=0 >/dev/null
$FGS run "$SCENARIO" --out "$OUT/every" --quiet "${EXTRA[@]}" --set fgs.output.checkpoint-every-rounds="$EVERY" --set fgs.output.checkpoint-min-interval=0s >/dev/null

$FGS run "$SCENARIO" --out "$OUT/killed" --quiet "${EXTRA[@]}" --set fgs.output.checkpoint-every-rounds="$EVERY" --set fgs.output.checkpoint-min-interval=0s >/dev/null &
PID=$!
while [ ! -f "$OUT/killed/checkpoint.fgsck" ] && kill -0 "$PID" 2>/dev/null; do sleep 0.05; done
kill -9 "$PID" 2>/dev/null || true
wait "$PID" 2>/dev/null || true
START=$(date +%s.%N)
$FGS run --resume "$OUT/killed" --quiet >/dev/null
END=$(date +%s.%N)

python3 - "$OUT" "$START" "$END" "$EVERY" <<'PY'
import json, sys
out, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
plain = json.load(open(f"{out}/plain/summary.json"))
every = json.load(open(f"{out}/every/summary.json"))
resumed = json.load(open(f"{out}/killed/summary.json"))
n = every.get("checkpoints_written", 0)
print(f"simulation without checkpoints: {plain['wall_time_s']:.2f} s wall, {plain['events']:,} events, result_hash {plain['result_hash'][:16]}…")
print(f"with a checkpoint every {sys.argv[4]} rounds: {every['wall_time_s']:.2f} s wall, {n} checkpoints of {every.get('checkpoint_bytes', 0) / 1e6:.1f} MB, "
      f"{every.get('checkpoint_write_s', 0):.2f} s writing files")
if n:
    print(f"  overhead per checkpoint: {(every['wall_time_s'] - plain['wall_time_s']) / n:.3f} s (serialising every entity + writing the file)")
print(f"killed after its first checkpoint, resumed from t={resumed.get('resumed_at_s', 0):.0f} s: resumed part {resumed['wall_time_s']:.2f} s of simulation, "
      f"whole `fgs run --resume` {end - start:.2f} s "
      f"(it goes on checkpointing like run 2: {resumed.get('checkpoints_written', 0)} more)")
same = resumed["result_hash"] == plain["result_hash"] == every["result_hash"]
print(f"result_hash: plain {plain['result_hash'][:16]}…, checkpointed {every['result_hash'][:16]}…, resumed {resumed['result_hash'][:16]}… -> {'identical' if same else 'DIFFERENT'}")
sys.exit(0 if same else 1)
PY
