#!/usr/bin/env bash
# Memory per idle entity actor (kernel bookkeeping included) at 10^5 and 10^6 entities.
set -euo pipefail
source "$(dirname "$0")/build.sh"
for entities in 100000 1000000; do
  echo "# fgs bench memory --entities $entities $*"
  $FGS bench memory --entities "$entities" "$@"
done
