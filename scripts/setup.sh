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
