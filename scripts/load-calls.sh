#!/usr/bin/env bash
# Call execution load: `rcml serve` answering an IVR (Say, then Gather numDigits=1) from its own HTTP
# server (a local app), with SIPp as the callers over UDP. Each SIPp call: INVITE, ACK, waits HOLD ms,
# presses 1 (RFC 2833 pcap: needs root), waits for the engine's BYE (the action document says goodbye
# and hangs up). Reports, per target of concurrent calls: calls completed and failed, the peak of
# calls in progress, INVITE->200 OK (p50, p99: includes 100/180, the document fetch over HTTP, the
# parse and the SDP answer), and the engine's memory (RSS) and CPU.
#
#   scripts/load-calls.sh [concurrent ...]         default: 100 250 500 750 1000
#   DURATION=60 HOLD=15000 scripts/load-calls.sh 1000 1200
#   SETUP_RATE=10 (the light-load step measuring setup latency first; 0 skips it)
set -euo pipefail
cd "$(dirname "$0")/.."

targets=${*:-"100 250 500 750 1000"}
duration=${DURATION:-60}
hold=${HOLD:-15000}
setup_rate=${SETUP_RATE:-10}
sip_port=${SIP_PORT:-25060}
http_port=${HTTP_PORT:-28080}
sipp_port=${SIPP_PORT:-25070}
media_port=${MEDIA_PORT:-26000}
command -v sipp >/dev/null || { echo "sipp not found: apt-get install sip-tester" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "SIPp's pcap play (the key press) needs root" >&2; exit 1; }

dotnet build Engine -c Release -nologo -v q >/dev/null
work=$(mktemp -d)
mkdir -p "$work/app"
cat >"$work/app/ivr-load.xml" <<'XML'
<Response>
  <Gather numDigits="1" timeout="30" action="ivr-load-done.xml">
    <Say>Welcome to the load test. Please press one.</Say>
  </Gather>
  <Hangup/>
</Response>
XML
cat >"$work/app/ivr-load-done.xml" <<'XML'
<Response><Say>Goodbye.</Say><Hangup/></Response>
XML
cat >"$work/load.json" <<JSON
{
  "Sip": { "ListenAddress": "127.0.0.1", "UdpPort": $sip_port, "TcpPort": $sip_port },
  "Http": { "ListenAddress": "127.0.0.1", "Port": $http_port },
  "Rtp": { "PortMin": 30000, "PortMax": 40000 },
  "Samples": { "Folder": "$work/app" },
  "Recordings": { "Folder": "$work/recordings" },
  "Webhooks": { "Queue": { "StorePath": "$work/callbacks.db" } },
  "Media": { "CacheDirectory": "$work/cache" },
  "Stats": { "Interval": "00:00:01" },
  "Limits": { "MaxCallsPerSecond": 0, "MaxConcurrentCalls": 0 },
  "Logging": { "LogLevel": { "Default": "Warning", "RcmlEngine.Hosting.EngineStatsReporter": "Information" } }
}
JSON
(cd "$work" && exec dotnet "$OLDPWD/Engine/bin/Release/net10.0/rcml.dll" serve --config "$work/load.json" >"$work/engine.log" 2>&1) &
engine=$!
cleanup() { kill -TERM "$engine" 2>/dev/null || true; wait "$engine" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 100); do grep -q "Ctrl+C stops" "$work/engine.log" && break; sleep 0.2; done
pid=$engine
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)

# The engine's stats lines (one a second) since line $1 of its log: "calls heap_kib resident_kib threads" at the most calls.
stats_peak() {
  tail -n +"$1" "$work/engine.log" | sed -n 's/.*Stats: \([0-9]*\) call(s) in progress, managed heap \([0-9]*\) KiB, resident \([0-9]*\) KiB, \([0-9]*\) threads.*/\1 \2 \3 \4/p' |
    sort -n -k1 | tail -n1
}

# One SIPp run: rate, concurrency limit, calls, hold; prints "completed failed peak p50 p99 rss_peak_kb cpu% status".
# Setup times (first INVITE -> 200 OK) come from kernel timestamps of the packets on lo (sip-setup-times.py),
# not from SIPp, whose clock only advances with its scheduler (its -trace_rtt reads 0, 4, 8 or 16 ms).
run() {
  local rate=$1 limit=$2 calls=$3 hold_ms=$4 dir="$work/run-$2-$RANDOM"
  mkdir -p "$dir"
  local peak_rss=0 t0 c0 status=0
  scripts/sip-setup-times.py "$sip_port" >"$dir/setup.txt" 2>&1 &
  local sniffer=$!
  sleep 0.5
  t0=$(date +%s.%N); c0=$(cpu_ticks)
  (cd "$dir" && sipp "127.0.0.1:$sip_port" -sf "$OLDPWD/Engine.Tests/Assets/sipp/uac_ivr_load.xml" -s ivr-load \
      -key rtp_port "$media_port" -i 127.0.0.1 -mi 127.0.0.1 -p "$sipp_port" -mp "$media_port" \
      -r "$rate" -l "$limit" -m "$calls" -d "$hold_ms" -nostdin -timeout $((duration + 120))s \
      -trace_stat -fd 1 -trace_err >/dev/null 2>&1) &
  local sipp_pid=$!
  while kill -0 "$sipp_pid" 2>/dev/null; do
    local r; r=$(rss_kb); [ "$r" -gt "$peak_rss" ] && peak_rss=$r
    sleep 1
  done
  wait "$sipp_pid" || status=$?
  kill -TERM "$sniffer"; wait "$sniffer" || true
  local secs cpu
  secs=$(echo "$(date +%s.%N) - $t0" | bc); cpu=$(echo "scale=1; ($(cpu_ticks) - $c0) * 100 / $hz / $secs" | bc)
  local stat rtt
  stat=$(ls "$dir"/*_.csv 2>/dev/null | head -n1 || true); [ -n "$stat" ] || stat=$(ls "$dir"/*.csv | grep -v rtt | head -n1)
  col() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$stat"; }
  peak() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i; next} {if ($c+0>m) m=$c+0} END{print m+0}' "$stat"; }
  read -r _ p50 p99 _ <"$dir/setup.txt"
  echo "$(col 'SuccessfulCall(C)') $(col 'FailedCall(C)') $(peak 'CurrentCall') $p50 $p99 $peak_rss $cpu $status"
}

echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up, not counted: the JIT's tiers, the first synthesis of the prompts, connection pools.
run 20 50 200 500 >/dev/null
sleep 5
idle=$(rss_kb)
read -r _ idle_heap _ idle_threads < <(tail -n 1 <(grep "Stats:" "$work/engine.log") | sed -n 's/.*Stats: \([0-9]*\) call(s) in progress, managed heap \([0-9]*\) KiB, resident \([0-9]*\) KiB, \([0-9]*\) threads.*/\1 \2 \3 \4/p')
echo "engine idle: RSS $((idle / 1024)) MiB, managed heap $((idle_heap / 1024)) MiB, $idle_threads threads"
if [ "$setup_rate" != 0 ]; then
  read -r ok failed _ p50 p99 _ _ _ < <(run "$setup_rate" 100 $((setup_rate * 20)) 1000)
  echo "setup latency at $setup_rate calls/s: INVITE->200 OK p50 ${p50} ms, p99 ${p99} ms ($ok completed, $failed failed)"
fi
printf '%-8s %-6s %-9s %-6s %-6s %-7s %-7s %-8s %-9s %-9s %-9s %-7s %-5s\n' target rate completed failed peak p50_ms p99_ms rss_MiB rss/call heap_MiB heap/call threads cpu%
for target in $targets; do
  # Calls last about HOLD plus 3 s of prompts: this rate keeps TARGET calls in progress.
  rate=$(echo "scale=1; $target * 1000 / ($hold + 3000)" | bc)
  calls=$(echo "$rate * $duration / 1" | bc)
  from=$(($(wc -l <"$work/engine.log") + 1))
  read -r ok failed peak p50 p99 rss cpu status < <(run "$rate" "$target" "$calls" "$hold")
  read -r live heap _ threads < <(stats_peak "$from")
  per_call=$(( peak > 0 ? (rss - idle) / peak : 0 ))
  heap_per_call=$(( live > 0 ? (heap - idle_heap) / live : 0 ))
  printf '%-8s %-6s %-9s %-6s %-6s %-7s %-7s %-8s %-9s %-9s %-9s %-7s %-5s\n' "$target" "$rate" "$ok" "$failed" "$peak" "$p50" "$p99" \
    "$((rss / 1024))" "${per_call}K" "$((heap / 1024))" "${heap_per_call}K" "$threads" "$cpu"
  if [ "${failed:-1}" -gt $(( (ok + failed) / 1000 )) ]; then
    echo "target $target: $failed failed calls (over 0.1%); stopping"; break
  fi
  sleep 5
done
grep -E "fail|warn|error" -i "$work/engine.log" | sort | uniq -c | sort -rn | head -5 || true
