#!/usr/bin/env bash
# Everything a fresh Debian 12 machine with the .NET 10 SDK needs before building FgsActors.
# Sourced by run.sh and test.sh; safe to run again (each step is idempotent).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== restoring packages"
dotnet restore FgsActors.sln --verbosity quiet

# Fashion-MNIST for the real-training scenarios and tests (Debian package; no download at run time).
FMNIST_DIR=/usr/share/datasets/fashion-mnist
if [ ! -f "$FMNIST_DIR/train-images-idx3-ubyte.gz" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing dataset-fashion-mnist"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist) >/dev/null \
      || echo "warning: could not install dataset-fashion-mnist; Fashion-MNIST runs and tests will report it missing" >&2
  else
    echo "note: Fashion-MNIST is not installed ($FMNIST_DIR); as root: apt-get install dataset-fashion-mnist" >&2
  fi
fi

# A font for the text of the run plots (src/Cli/Reporting). SkiaSharp's Linux assets here read fonts straight from
# /usr/share/fonts (no fontconfig needed); without any font the plots are drawn with no text at all.
if [ -z "$(find /usr/share/fonts -type f \( -name '*.ttf' -o -name '*.otf' \) -print -quit 2>/dev/null || true)" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing fonts-dejavu-core"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core) >/dev/null \
      || echo "warning: could not install fonts-dejavu-core; run plots will have no text" >&2
  else
    echo "note: no fonts under /usr/share/fonts, run plots will have no text; as root: apt-get install fonts-dejavu-core" >&2
  fi
fi

# Headless Chromium for the test that renders report.html in a real browser (tests/Cli.Tests/Reporting): only the
# test command needs it (test.sh sets FGS_SETUP_TESTS=1), so running a scenario does not install a browser.
if [ "${FGS_SETUP_TESTS:-0}" = "1" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing chromium"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
      || echo "warning: could not install chromium; the report.html browser test will fail" >&2
  else
    echo "note: /usr/bin/chromium is missing, the report.html browser test will fail; as root: apt-get install chromium" >&2
  fi
fi
