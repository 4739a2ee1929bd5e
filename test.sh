#!/usr/bin/env bash
# Runs the whole test suite (unit, conformance and real-peer integration tests).
# Installs what the tests need first (SIPp, baresip, espeak-ng, ffmpeg, sox, redis-server from Debian;
# the Redis tests start their own redis-server on a free port, no system service is needed).
# Extra arguments go to dotnet test, e.g. ./test.sh --filter "Category!=Integration".
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test
# Twilio's Node helper library (npm twilio), used by the Node API test, when it is not installed yet.
if [ ! -d Engine.Tests/Assets/node/node_modules ] && command -v npm >/dev/null; then
  (cd Engine.Tests/Assets/node && npm install --no-audit --no-fund) || echo "test.sh: npm install failed: the Node API test reports itself skipped" >&2
fi
rm -rf TestResults
dotnet test RcmlEngine.sln -c Release \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory TestResults "$@"
