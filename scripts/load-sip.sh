#!/usr/bin/env bash
# SIP call load: SIPp's built-in UAC (INVITE, ACK, BYE) against `rcml sip-responder`, which answers
# every INVITE with 200 + SDP. Steps through call rates, DURATION seconds each, and stops at the
# first rate with a failed call; reports, per rate, calls completed and failed, and the INVITE->200
# response time (p50, p99) from SIPp's -trace_rtt.
#
#   scripts/load-sip.sh [rate ...]        default rates: 100 200 300 400 500 600 800 1000
#   DURATION=60 TRANSPORT=u1|t1 PORT=15060 scripts/load-sip.sh 400 500 600
set -euo pipefail
cd "$(dirname "$0")/.."

rates=${*:-"100 200 300 400 500 600 800 1000"}
duration=${DURATION:-60}
transport=${TRANSPORT:-u1}
port=${PORT:-15060}
sipp_port=${SIPP_PORT:-15070}
media_port=${MEDIA_PORT:-16000}
command -v sipp >/dev/null || { echo "sipp not found: apt-get install sip-tester" >&2; exit 1; }

dotnet build Engine -c Release -nologo -v q >/dev/null
work=$(mktemp -d)
dotnet Engine/bin/Release/net10.0/rcml.dll sip-responder --address 127.0.0.1 --port "$port" >"$work/responder.log" 2>&1 &
responder=$!
cleanup() { kill "$responder" 2>/dev/null || true; wait "$responder" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 50); do grep -q listening "$work/responder.log" && break; sleep 0.2; done

echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-10s %-8s %-10s %-10s %-10s\n' rate completed failed cps p50_ms p99_ms
best=""
for rate in $rates; do
  calls=$((rate * duration))
  dir="$work/rate-$rate"; mkdir -p "$dir"
  status=0
  (cd "$dir" && sipp "127.0.0.1:$port" -sn uac -i 127.0.0.1 -mi 127.0.0.1 -p "$sipp_port" -mp "$media_port" \
      -t "$transport" -r "$rate" -m "$calls" -l $((rate * 10)) -nostdin -timeout $((duration + 60))s \
      -trace_stat -fd 1 -trace_rtt -rtt_freq 100 >/dev/null 2>&1) || status=$?
  stat=$(ls "$dir"/*_.csv 2>/dev/null | head -n1 || true)
  [ -n "$stat" ] || stat=$(ls "$dir"/*.csv | grep -v rtt | head -n1)
  col() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$stat"; }
  ok=$(col "SuccessfulCall(C)"); failed=$(col "FailedCall(C)"); elapsed=$(col "ElapsedTime(C)")
  secs=$(awk -F: '{print $1*3600+$2*60+$3}' <<<"${elapsed%%.*}")
  rtt=$(ls "$dir"/*_rtt.csv | head -n1)
  read -r p50 p99 < <(awk -F';' 'NR>1 && $2 ~ /^[0-9.]+$/ {print $2}' "$rtt" | sort -n |
      awk '{v[NR]=$1} END{if (NR==0) {print "- -"; exit} i=int(NR*0.50); if (i<1) i=1; j=int(NR*0.99); if (j<1) j=1; print v[i], v[j]}')
  cps=$(awk -v n="$ok" -v s="$secs" 'BEGIN{printf "%.0f", (s>0? n/s : 0)}')
  printf '%-8s %-10s %-8s %-10s %-10s %-10s\n' "$rate" "$ok" "$failed" "$cps" "$p50" "$p99"
  if [ "$status" -ne 0 ] || [ "${failed:-1}" != "0" ] || [ "$ok" != "$calls" ]; then
    echo "rate $rate: $failed failed calls (sipp exit $status); stopping"
    break
  fi
  best=$rate
done
echo "highest rate with 0 failed calls over ${duration} s: ${best:-none} calls/s (transport $transport)"
