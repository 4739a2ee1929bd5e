#!/usr/bin/env bash
# Runs the engine: with no arguments, `rcml serve` answering SIP calls for the samples.
# Installs what it needs first (espeak-ng, ffmpeg from Debian). Other arguments go to rcml,
# e.g. ./run.sh validate samples   or   ./run.sh serve --sip-port 5080
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh run
[ $# -eq 0 ] && set -- serve
exec dotnet run --project Engine -c Release -- "$@"
