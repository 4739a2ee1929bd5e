#!/usr/bin/env bash
# Bridged calls under load: SIPp callers -> `rcml serve` (<Dial><Sip>) -> a SIPp callee whose RTP is echoed.
# Each caller sends PCMU at 50 packets/s (SIPp's rtp_stream of random payloads, from a port of its own) and
# hangs up after HOLD ms; the callee's media port sends every packet back (scripts/rtp-echo.c, batched, while
# SIPp answers the calls; ECHO=sipp uses SIPp's own -rtp_echo instead, one packet per system call), so each bridged call carries
# 4 x 50 = 200 packets/s through the engine (100 in, 100 out). scripts/rtp-relay-stats.c reads lo with
# kernel timestamps and follows each payload: per relay pass latency (engine in -> engine out), and the
# packets that never came back to their caller (loss through both passes and the echo).
# Reports per target of concurrent bridged calls: calls completed/failed, loss, relay latency p50/p99/
# p99.9/max, the echo's p99, engine CPU (% of one core, steady state), the whole machine's busy share
# (every process: engine, SIPp, echo, packet reader) and memory per bridged call.
#
#   scripts/load-bridge.sh [concurrent ...]       default: 100 250 500
#   HOLD=45000 RATE=25 scripts/load-bridge.sh 500 750
#   RECEIVE_INTERVAL=00:00:00.010 scripts/load-bridge.sh   (Rtp:ReceiveInterval; default the engine's 0: read on arrival)
#   RECEIVE_THREADS=1 scripts/load-bridge.sh                (Rtp:ReceiveThreads; default the engine's one per core)
#   REALTIME=10 scripts/load-bridge.sh                      (Rtp:MediaThreadRealtimePriority: SCHED_RR media threads)
#   KEEP_LOG=/tmp/engine.log scripts/load-bridge.sh         (keeps the engine log: its Stats lines show GC pauses)
set -euo pipefail
cd "$(dirname "$0")/.."

targets=${*:-"100 250 500"}
hold=${HOLD:-45000}
setup_rate=${RATE:-25}
receive_interval=${RECEIVE_INTERVAL:-00:00:00}
receive_threads=${RECEIVE_THREADS:-0}
echo_kind=${ECHO:-fast}
realtime=${REALTIME:-0}
sip_port=${SIP_PORT:-25160}
http_port=${HTTP_PORT:-28180}
uas_port=${UAS_PORT:-25180}
uas_media=${UAS_MEDIA_PORT:-26100}
uac_port=${UAC_PORT:-25170}
uac_media=${UAC_MEDIA_PORT:-26200}
rtp_min=30000
rtp_max=40000
command -v sipp >/dev/null || { echo "sipp not found: apt-get install sip-tester" >&2; exit 1; }
command -v gcc >/dev/null || { echo "gcc not found (it builds the packet reader)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "the packet reader needs root (AF_PACKET)" >&2; exit 1; }

dotnet build Engine -c Release -nologo -v q >/dev/null
work=$(mktemp -d)
mkdir -p "$work/app"
gcc -O2 -o "$work/rtp-relay-stats" scripts/rtp-relay-stats.c
gcc -O2 -o "$work/rtp-echo" scripts/rtp-echo.c

# The callers' audio: random PCMU (no 0x7F: it decodes to the same 0 as 0xFF), 20 ms a packet, from 1 s
# after the answer (the callee is bridged by then) to 5 s before the caller hangs up (every packet can
# come back).
python3 - "$work/talk.ulaw" $(( (hold - 6000) / 20 )) <<'PY'
import random, sys
path, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(6)
values = bytes(b for b in range(256) if b != 0x7F)
with open(path, "wb") as f:
    f.write(bytes(rng.choice(values) for _ in range(160 * count)))
PY

cat >"$work/uac_bridge_load.xml" <<XML
<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="uac bridge load">
  <send retrans="500">
    <![CDATA[

      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=sipp 1 1 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [rtpstream_audio_port] RTP/AVP 0
      a=rtpmap:0 PCMU/8000
    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
  <recv response="200"/>
  <send>
    <![CDATA[

      ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <pause milliseconds="1000"/>
  <nop><action><exec rtp_stream="$work/talk.ulaw,1,0"/></action></nop>
  <pause/>
  <send retrans="500">
    <![CDATA[

      BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 2 BYE
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <recv response="200"/>
</scenario>
XML

cat >"$work/app/bridge-load.xml" <<XML
<Response><Dial><Sip>sip:echo@127.0.0.1:$uas_port</Sip></Dial></Response>
XML
cat >"$work/load.json" <<JSON
{
  "Sip": { "ListenAddress": "127.0.0.1", "UdpPort": $sip_port, "TcpPort": $sip_port },
  "Http": { "ListenAddress": "127.0.0.1", "Port": $http_port },
  "Rtp": { "PortMin": $rtp_min, "PortMax": $rtp_max, "ReceiveInterval": "$receive_interval", "ReceiveThreads": $receive_threads, "MediaThreadRealtimePriority": $realtime },
  "Samples": { "Folder": "$work/app" },
  "Recordings": { "Folder": "$work/recordings" },
  "Webhooks": { "Queue": { "StorePath": "$work/callbacks.db" } },
  "Media": { "CacheDirectory": "$work/cache", "Codecs": ["PCMU"] },
  "Stats": { "Interval": "00:00:01" },
  "Limits": { "MaxCallsPerSecond": 0, "MaxConcurrentCalls": 0 },
  "Logging": { "LogLevel": { "Default": "Warning", "RcmlEngine.Hosting.EngineStatsReporter": "Information" } }
}
JSON
(cd "$work" && exec dotnet "$OLDPWD/Engine/bin/Release/net10.0/rcml.dll" serve --config "$work/load.json" >"$work/engine.log" 2>&1) &
engine=$!
if [ "$echo_kind" = sipp ]; then
  (cd "$work" && exec sipp -sf "$OLDPWD/Engine.Tests/Assets/sipp/uas_rtp_echo.xml" -rtp_echo -i 127.0.0.1 -mi 127.0.0.1 \
      -p "$uas_port" -mp "$uas_media" -nostdin -timeout 3600s >"$work/uas.log" 2>&1) &
  uas=$!
  echoer=$uas
else
  # SIPp answers with an SDP naming the echo's port; its own media port is moved out of the way.
  sed "s/m=audio \[media_port\]/m=audio $uas_media/" Engine.Tests/Assets/sipp/uas_rtp_echo.xml >"$work/uas_echo.xml"
  "$work/rtp-echo" "$uas_media" >"$work/echo.log" 2>&1 &
  echoer=$!
  (cd "$work" && exec sipp -sf "$work/uas_echo.xml" -i 127.0.0.1 -mi 127.0.0.1 \
      -p "$uas_port" -mp $((uas_media + 50)) -nostdin -timeout 3600s >"$work/uas.log" 2>&1) &
  uas=$!
fi
cleanup() {
  kill -TERM "$engine" "$uas" "$echoer" 2>/dev/null || true
  wait "$engine" "$uas" "$echoer" 2>/dev/null || true
  [ -n "${KEEP_LOG:-}" ] && cp "$work/engine.log" "$KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do grep -q "Ctrl+C stops" "$work/engine.log" && break; sleep 0.2; done
pid=$engine
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
machine_busy() { awk '/^cpu / {idle = $5 + $6; total = 0; for (i = 2; i <= 9; i++) total += $i; print total - idle, total}' /proc/stat; }
hz=$(getconf CLK_TCK)

# One SIPp run of 2 x LIMIT calls, LIMIT at a time; prints "completed failed peak rss_peak_kb cpu% machine_busy% stats".
run() {
  local limit=$1 calls=$(( $1 * 2 )) dir="$work/run-$1-$RANDOM" peak_rss=0 status=0 busy=0
  mkdir -p "$dir"
  "$work/rtp-relay-stats" "$rtp_min" "$rtp_max" "$uas_media" >"$dir/relay.txt" 2>&1 &
  local sniffer=$!
  sleep 0.5
  (cd "$dir" && sipp "127.0.0.1:$sip_port" -sf "$work/uac_bridge_load.xml" -s bridge-load -i 127.0.0.1 -mi 127.0.0.1 \
      -p "$uac_port" -mp "$uac_media" -r "$setup_rate" -l "$limit" -m "$calls" -d "$hold" -nostdin -timeout 900s \
      -trace_stat -fd 1 -trace_err >/dev/null 2>&1) &
  local sipp_pid=$!
  # CPU over 15 s of steady state: after the ramp (LIMIT / RATE s) and 3 s more.
  local ramp=$(( limit / setup_rate + 3 )) c0 c1 cpu=0
  sleep "$ramp"
  local m0 m1; m0=$(machine_busy)
  c0=$(cpu_ticks); sleep 15; c1=$(cpu_ticks)
  m1=$(machine_busy)
  cpu=$(echo "scale=1; ($c1 - $c0) * 100 / $hz / 15" | bc)
  busy=$(echo "$m0 $m1" | awk '{printf "%.0f", ($3 - $1) * 100 / ($4 - $2)}')
  while kill -0 "$sipp_pid" 2>/dev/null; do
    local r; r=$(rss_kb); [ "$r" -gt "$peak_rss" ] && peak_rss=$r
    sleep 1
  done
  wait "$sipp_pid" || status=$?
  kill -TERM "$sniffer"; wait "$sniffer" || true
  local stat; stat=$(ls "$dir"/*.csv | grep -v rtt | head -n1)
  col() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$stat"; }
  peak() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i; next} {if ($c+0>m) m=$c+0} END{print m+0}' "$stat"; }
  echo "$(col 'SuccessfulCall(C)') $(col 'FailedCall(C)') $(peak 'CurrentCall') $peak_rss $cpu $busy $(cat "$dir/relay.txt")"
}

echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); Rtp:ReceiveInterval $receive_interval, Rtp:ReceiveThreads $receive_threads (0: one per core); Rtp:MediaThreadRealtimePriority $realtime; echo: $echo_kind"
run 20 >/dev/null   # warm-up, not counted
sleep 3
idle=$(rss_kb)
echo "engine idle: RSS $((idle / 1024)) MiB"
printf '%-7s %-9s %-6s %-5s %-9s %-8s %-8s %-8s %-9s %-8s %-8s %-8s %-8s %-9s\n' \
  target completed failed peak sent_pkts loss_% p50_us p99_us p99.9_us max_us echo_p99 rss_MiB rss/call cpu%/call
for target in $targets; do
  read -r ok failed peak rss cpu busy sent back loss p50 p99 p999 max echo99 rtt99 samples < <(run "$target")
  per_call=$(( peak > 0 ? (rss - idle) / peak : 0 ))
  cpu_call=$(echo "scale=3; $cpu / $target" | bc)
  printf '%-7s %-9s %-6s %-5s %-9s %-8s %-8s %-8s %-9s %-8s %-8s %-8s %-8s %-9s\n' \
    "$target" "$ok" "$failed" "$peak" "$sent" "$loss" "$p50" "$p99" "$p999" "$max" "$echo99" "$((rss / 1024))" "${per_call}K" "$cpu_call"
  echo "  engine CPU $cpu% of one core in steady state; machine ${busy}% busy (both cores, every process); round trip p99 ${rtt99} us; $samples relay samples; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  sleep 5
done
grep -E "fail|warn|error" -i "$work/engine.log" | sort | uniq -c | sort -rn | head -5 || true
