#!/usr/bin/env bash
# Sparse fleet: hub + 10^5 leaves, 24 h virtual; events per window for several partition counts.
set -euo pipefail
source "$(dirname "$0")/build.sh"
for partitions in 1 2 4 8; do
  echo "# fgs bench sparse --leaves 100000 --end 86400 --partitions $partitions $*"
  $FGS bench sparse --leaves 100000 --end 86400 --partitions "$partitions" "$@"
done
