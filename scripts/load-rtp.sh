#!/usr/bin/env bash
# Paced RTP load: N concurrent outgoing PCMU streams on the shared pacer over loopback.
# Prints a markdown table (pacer CPU, CPU per stream, inter-departure p50/p99/max, drift) for
# docs/performance.md. Arguments go to the measuring mode, e.g. --streams 1000 --seconds 60.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 20000 2>/dev/null || true
dotnet build Engine.Benchmarks -c Release -v q -nologo >/dev/null
exec dotnet Engine.Benchmarks/bin/Release/net10.0/Engine.Benchmarks.dll pacer-load "$@"
