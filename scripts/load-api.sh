#!/usr/bin/env bash
# REST API load on 127.0.0.1: builds and starts `rcml serve` (Release) with an account, and SIPp's built-in
# UAS (`-sn uas`) as the called party, then
#  (a) create + fetch: wrk (scripts/load-api/create-fetch.lua) alternates POST Calls.json (Twiml
#      <Response><Hangup/></Response>, so each call ends once answered) and GET of the call it created,
#      for DURATION seconds on CONNECTIONS connections: requests/s and latency percentiles;
#  (b) calls per second: for each target RATE, wrk paced to RATE creates/s for DURATION seconds; the
#      calls placed, and failed calls counted from GET Calls.json?Status=failed once they have ended.
# Every process it starts is stopped on exit. The API's per-account rate limit is lifted
# (Api:MaxRequestsPerSecond=0) so that the engine, not the limiter, is measured.
#
#   scripts/load-api.sh [rate ...]         default rates: 20 50 100
#   DURATION=30 CONNECTIONS=8 HTTP_PORT=.. SIP_PORT=.. UAS_PORT=.. scripts/load-api.sh 20 50 100
set -euo pipefail
cd "$(dirname "$0")/.."

rates=${*:-"20 50 100"}
duration=${DURATION:-30}
connections=${CONNECTIONS:-8}
[ "$duration" -le 60 ] || { echo "DURATION is at most 60 s" >&2; exit 2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http_port=${HTTP_PORT:-$(free_port)}
sip_port=${SIP_PORT:-$(free_port)}
uas_port=${UAS_PORT:-$(free_port)}
uas_media_port=${UAS_MEDIA_PORT:-31000}
account=AC$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
token=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')

command -v sipp >/dev/null || { echo "sipp not found: scripts/install-deps.sh test" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

dotnet build Engine -c Release -nologo -v q >/dev/null
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The called party: answers every INVITE (180, 200), takes the engine's BYE. Bounded by -m and -timeout.
(cd "$work" && exec sipp -sn uas -i 127.0.0.1 -mi 127.0.0.1 -p "$uas_port" -mp "$uas_media_port" -m 1000000 \
    -timeout $(( (duration + 20) * (2 + $(wc -w <<<"$rates")) ))s -nostdin -trace_err >"$work/uas.log" 2>&1) &
pids+=($!)

RCML__Accounts__0__AccountSid=$account RCML__Accounts__0__AuthToken=$token \
RCML__Sip__ListenAddress=127.0.0.1 RCML__Http__ListenAddress=127.0.0.1 RCML__Http__PublicBaseUrl="http://127.0.0.1:$http_port/" \
RCML__Rtp__PortMin=20000 RCML__Rtp__PortMax=29999 RCML__Api__MaxRequestsPerSecond=0 RCML__Limits__MaxCallsPerSecond=0 \
RCML__Recordings__Folder="$work/recordings" RCML__Webhooks__Queue__StorePath="$work/callbacks.db" \
RCML__Records__StorePath="$work/records.db" RCML__Media__CacheDirectory="$work/media-cache" \
  dotnet Engine/bin/Release/net10.0/rcml.dll serve --sip-port "$sip_port" --http-port "$http_port" >"$work/engine.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "Ctrl+C stops" "$work/engine.log" && break; sleep 0.2; done
grep -q "Ctrl+C stops" "$work/engine.log" || { cat "$work/engine.log" >&2; exit 1; }

api="http://127.0.0.1:$http_port"
calls="/2010-04-01/Accounts/$account/Calls.json"
auth="Authorization: Basic $(printf '%s:%s' "$account" "$token" | base64 -w0)"
export CALLS_PATH=$calls
CREATE_BODY="To=$(jq -rn --arg v "sip:load@127.0.0.1:$uas_port" '$v|@uri')&From=%2B15550001111&Twiml=$(jq -rn --arg v '<Response><Hangup/></Response>' '$v|@uri')"
export CREATE_BODY

# Calls of the account with STATUS, counted over every page.
count() {
  local next="$calls?Status=$1&PageSize=1000" total=0 page
  while [ -n "$next" ] && [ "$next" != null ]; do
    page=$(curl -sf -H "$auth" "$api$next")
    total=$((total + $(jq '.calls | length' <<<"$page")))
    next=$(jq -r '.next_page_uri' <<<"$page")
  done
  echo "$total"
}
# Waits (up to 30 s) until no call is queued, ringing or in progress.
settle() {
  for _ in $(seq 60); do
    [ "$(( $(count queued) + $(count ringing) + $(count in-progress) ))" -eq 0 ] && return 0
    sleep 0.5
  done
  echo "calls still live after 30 s" >&2
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(a) create + fetch, wrk -t2 -c$connections -d${duration}s"
wrk -t2 -c"$connections" -d"${duration}s" --latency -H "$auth" -s scripts/load-api/create-fetch.lua "$api" | tee "$work/wrk-a.txt"
settle
echo "(a) calls: completed $(count completed), failed $(count failed), busy $(count busy), no-answer $(count no-answer)"

printf '(b) %-6s %-8s %-10s %-8s %-8s\n' rate placed calls/s failed non-2xx
export CREATE_ONLY=1
for rate in $rates; do
  before_failed=$(count failed); before_completed=$(count completed)
  conns=$(( rate < 10 ? 1 : rate / 10 ))
  CALL_DELAY_MS=$(( conns * 1000 / rate )) wrk -t1 -c"$conns" -d"${duration}s" -H "$auth" -s scripts/load-api/create-fetch.lua "$api" >"$work/wrk-$rate.txt"
  settle
  placed=$(awk '/requests in/ {print $1}' "$work/wrk-$rate.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk-$rate.txt"); non2xx=${non2xx:-0}
  failed=$(( $(count failed) - before_failed )); completed=$(( $(count completed) - before_completed ))
  printf '(b) %-6s %-8s %-10s %-8s %-8s (completed %s)\n' "$rate" "$placed" "$(awk -v n="$placed" -v d="$duration" 'BEGIN{printf "%.1f", n/d}')" "$failed" "$non2xx" "$completed"
done
echo "SIPp UAS error log: $(cat "$work"/*_errors.log 2>/dev/null | grep -c . || true) lines"
cat "$work"/*_errors.log 2>/dev/null | grep -v '^$' | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}\s+[0-9:.]+\s+[0-9.]+: //' | sort | uniq -c | sort -rn | head -5 || true
