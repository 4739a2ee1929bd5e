#!/usr/bin/env bash
# Runs the BenchmarkDotNet benchmarks; arguments go to BenchmarkDotNet (e.g. --filter '*Rcml*').
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] && set -- --filter '*'
exec dotnet run --project Engine.Benchmarks -c Release -- "$@"
