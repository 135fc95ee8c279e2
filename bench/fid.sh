#!/usr/bin/env bash
# Fidelity-metric sanity check: the reference classifier (LeNet-5 on Fashion-MNIST, trained once and cached in
# ~/.cache/fgs-actors or $XDG_CACHE_HOME/fgs-actors; pass --cache DIR for another place), then FID against the training
# set, IS and class coverage of a training subset, the test set, blurred and noised training images and uniform noise,
# 10,000 images each (--samples N). Needs: apt-get install dataset-fashion-mnist
set -euo pipefail
source "$(dirname "$0")/build.sh"
echo "# fgs bench fid $*"
$FGS bench fid "$@"
