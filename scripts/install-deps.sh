#!/usr/bin/env bash
# Installs the Debian packages the engine (run) or its tests (test) need, when any is missing.
# Usage: scripts/install-deps.sh run|test
set -euo pipefail

case "${1:-run}" in
  run)  packages=(espeak-ng ffmpeg pocketsphinx pocketsphinx-en-us) ;;
  test) packages=(espeak-ng ffmpeg pocketsphinx pocketsphinx-en-us flite sox sip-tester baresip redis-server chromium) ;;
  *)    echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "install-deps: missing ${missing[*]} and not root: tests that need them report themselves skipped" >&2
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
