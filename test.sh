#!/usr/bin/env bash
# Runs the whole test suite (unit, conformance and real-peer integration tests).
# Installs what the tests need first (SIPp, baresip, espeak-ng, ffmpeg, sox from Debian).
# Extra arguments go to dotnet test, e.g. ./test.sh --filter "Category!=Integration".
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test
rm -rf TestResults
dotnet test RcmlEngine.sln -c Release \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory TestResults "$@"
