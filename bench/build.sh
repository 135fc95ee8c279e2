#!/usr/bin/env bash
# Shared by the benchmark scripts: build fgs in Release and set FGS to the command that runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$ROOT/src/Cli/FgsActors.Cli.csproj" -c Release --verbosity quiet -nologo >/dev/null
FGS="dotnet $ROOT/src/Cli/bin/Release/net10.0/fgs.dll"
echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), .NET $(dotnet --version)"
echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
