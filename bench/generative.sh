#!/usr/bin/env bash
# Federated vs central generator fidelity (issue 5): the scenario's generator trained on its 10 Dirichlet(0.5) clients
# (every client every round, K local steps, the scenario's server rule) and, in the same run, centrally on the pooled
# data for the same number of sample passes; prints JSON with FID, IS, coverage and conditional accuracy of both.
# Default: the cVAE (60 rounds) and the cGAN (the scenario's 20 rounds). Extra arguments go to both commands.
# Needs: apt-get install dataset-fashion-mnist. The reference classifier is trained once (about a minute) and cached.
set -euo pipefail
source "$(dirname "$0")/build.sh"
echo "# fgs bench generative config/scenarios/gen-cvae-dir05.conf --rounds 60 $*"
$FGS bench generative "$ROOT/config/scenarios/gen-cvae-dir05.conf" --rounds 60 "$@"
echo "# fgs bench generative config/scenarios/gen-cgan-dir05.conf $*"
$FGS bench generative "$ROOT/config/scenarios/gen-cgan-dir05.conf" "$@"
