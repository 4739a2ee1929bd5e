#!/usr/bin/env bash
# Live managed memory per media session and per answered call (engine leg plus the test phone's side),
# after a forced full collection: the explicit CallMemoryProbe tests, run by name. Figures in
# docs/performance.md ("Call execution").
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Engine.Tests -c Release --filter "FullyQualifiedName~CallMemoryProbe" \
  --logger "console;verbosity=normal" 2>&1 | grep -E "live managed memory|Passed!|Failed!| error "
