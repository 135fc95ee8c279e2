#!/usr/bin/env bash
# PHOLD at the issue's benchmark point, engine vs. sequential reference in the same run, three times.
set -euo pipefail
source "$(dirname "$0")/build.sh"
for run in 1 2 3; do
  echo "# run $run: fgs bench phold --lps 100000 --remote 0.9 --lookahead 0.1 --mean 1.0 --events-per-lp 1 --end 50 $*"
  $FGS bench phold --lps 100000 --remote 0.9 --lookahead 0.1 --mean 1.0 --events-per-lp 1 --end 50 "$@"
done
