#!/usr/bin/env bash
# Trainer-pool throughput (issue 4): LeNet-5 on Fashion-MNIST, batch 64, the pool with one trainer per core, against
# single-thread PyTorch (Debian's python3-torch) on the same model and batch in the same run. Three runs.
# Needs: apt-get install dataset-fashion-mnist python3-torch
set -euo pipefail
source "$(dirname "$0")/build.sh"
for run in 1 2 3; do
  echo "# run $run: fgs bench train --reference bench/pytorch_lenet.py $*"
  $FGS bench train --reference "$ROOT/bench/pytorch_lenet.py" "$@"
done
