#!/usr/bin/env bash
# Media streams under load: SIPp callers -> `rcml serve` running
#   <Response><Start><Stream url="ws://127.0.0.1:WS_PORT/" track="both_tracks"/></Start><Play loop="0">tone.wav</Play></Response>
# so every call forks both tracks (what the caller sends, what the engine plays) to one WebSocket server,
# scripts/load-streams/ws-counter.js (node, npm `ws`), while the engine plays a 440 Hz tone to the caller.
# Every caller sends PCMU at 50 packets/s (SIPp's rtp_stream of a 1 kHz tone) and hangs up after the window.
# The server checks each stream: sequenceNumber without a gap, each track's chunk without a gap (the engine
# skips the chunk of a frame it drops when the stream's send queue is full), 160-byte payloads, the media
# rate per track (50/s), and how late media arrives against its own timestamp (lag: a backlog between the
# engine's tap and the server). scripts/rtp-pacing-stats.c reads lo over a steady-state window: the
# interval between consecutive packets of each engine RTP stream (the tone to the caller), sequence gaps.
# Engine CPU, the WebSocket server's and SIPp's CPU (% of one core) and the machine's busy share over the window.
# Not measured: the payloads' content (the integration tests decode and check the tone), Twilio's own
# limits, wss:// (TLS) cost, a remote server.
#
#   scripts/load-streams.sh [N ...]              default: 25 50 100 200 concurrent calls (one stream each)
#   RATE=25 MEASURE=30 scripts/load-streams.sh 100
#   KEEP_LOG=/tmp/engine.log KEEP_STREAMS=/tmp/streams.txt scripts/load-streams.sh 200   (engine log, per-stream lines)
set -euo pipefail
cd "$(dirname "$0")/.."

phases=${*:-"25 50 100 200"}
setup_rate=${RATE:-25}
measure=${MEASURE:-30}
sip_port=${SIP_PORT:-25460}
http_port=${HTTP_PORT:-28480}
ws_port=${WS_PORT:-28490}
uac_port=${UAC_PORT:-25470}
uac_media=${UAC_MEDIA_PORT:-26600}
rtp_min=30000
rtp_max=40000
command -v sipp >/dev/null || { echo "sipp not found: apt-get install sip-tester" >&2; exit 1; }
command -v gcc >/dev/null || { echo "gcc not found (it builds the packet reader)" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found: apt-get install nodejs npm" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "the packet reader needs root (AF_PACKET)" >&2; exit 1; }
ulimit -n 20000 2>/dev/null || true

[ -d scripts/load-streams/node_modules/ws ] || (cd scripts/load-streams && npm install --no-audit --no-fund >/dev/null)
dotnet build Engine -c Release -nologo -v q >/dev/null
work=$(mktemp -d)
mkdir -p "$work/app"
gcc -O2 -o "$work/rtp-pacing-stats" scripts/rtp-pacing-stats.c

# The engine's prompt: 2 s of 440 Hz (16-bit PCM WAV, 8 kHz), looped. The callers' audio: 10 minutes of
# 1 kHz as raw PCMU (G.711 mu-law, 20 ms a packet in SIPp's rtp_stream).
python3 - "$work/app/tone.wav" "$work/talk.ulaw" <<'PY'
import math, struct, sys, wave
def ulaw(s):
    sign = 0x80 if s < 0 else 0
    s = min(abs(s), 32635) + 0x84
    exp = max(0, s.bit_length() - 8)
    return ~(sign | (exp << 4) | ((s >> (exp + 3)) & 0x0F)) & 0xFF
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / 8000))) for n in range(16000)))
period = bytes(ulaw(int(8000 * math.sin(2 * math.pi * 1000 * n / 8000))) for n in range(8))
with open(sys.argv[2], "wb") as f:
    f.write(period * (8000 * 600 // 8))
PY
echo "<Response><Start><Stream url=\"ws://127.0.0.1:$ws_port/\" track=\"both_tracks\"/></Start><Play loop=\"0\">tone.wav</Play></Response>" >"$work/app/stream.xml"

cat >"$work/uac_stream_load.xml" <<XML
<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="uac stream load">
  <send retrans="500">
    <![CDATA[

      INVITE sip:stream@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:stream@[remote_ip]:[remote_port]>
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

      ACK sip:stream@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:stream@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <nop><action><exec rtp_stream="$work/talk.ulaw,1,0"/></action></nop>
  <pause/>
  <send retrans="500">
    <![CDATA[

      BYE sip:stream@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:stream@[remote_ip]:[remote_port]>[peer_tag_param]
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

cat >"$work/load.json" <<JSON
{
  "Sip": { "ListenAddress": "127.0.0.1", "UdpPort": $sip_port, "TcpPort": $sip_port },
  "Http": { "ListenAddress": "127.0.0.1", "Port": $http_port },
  "Rtp": { "PortMin": $rtp_min, "PortMax": $rtp_max },
  "Samples": { "Folder": "$work/app" },
  "Recordings": { "Folder": "$work/recordings" },
  "Webhooks": { "Queue": { "StorePath": "$work/callbacks.db" } },
  "Media": { "CacheDirectory": "$work/cache", "Codecs": ["PCMU"] },
  "Limits": { "MaxCallsPerSecond": 0, "MaxConcurrentCalls": 0 },
  "Logging": { "LogLevel": { "Default": "Warning" } }
}
JSON
(cd "$work" && exec dotnet "$OLDPWD/Engine/bin/Release/net10.0/rcml.dll" serve --config "$work/load.json" >"$work/engine.log" 2>&1) &
engine=$!
cleanup() {
  [ -s "$work/counter.pid" ] && kill -TERM "$(cat "$work/counter.pid")" 2>/dev/null || true
  kill -TERM "$engine" 2>/dev/null || true
  wait "$engine" 2>/dev/null || true
  [ -n "${KEEP_LOG:-}" ] && cp "$work/engine.log" "$KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do grep -q "Ctrl+C stops" "$work/engine.log" && break; sleep 0.2; done
pid=$engine
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
machine_busy() { awk '/^cpu / {idle = $5 + $6; total = 0; for (i = 2; i <= 9; i++) total += $i; print total - idle, total}' /proc/stat; }
hz=$(getconf CLK_TCK)

# One phase: CALLS callers, each with one stream, all connected at once; prints the SIPp counts, the CPU
# figures, the rtp-pacing-stats line and the WebSocket server's summary.
run() {
  local calls=$1 dir="$work/run-$1-$RANDOM" status=0
  mkdir -p "$dir"
  node scripts/load-streams/ws-counter.js "$ws_port" "$dir/streams.txt" >"$dir/counter.txt" 2>&1 &
  counter=$!
  echo "$counter" >"$work/counter.pid"
  for _ in $(seq 50); do grep -q listening "$dir/counter.txt" && break; sleep 0.1; done
  # Everyone is connected CALLS / RATE s after the start; 4 s to settle, the window, 4 s spare before the hang-ups.
  local ramp=$(( calls / setup_rate + 4 ))
  local hold=$(( (ramp + measure + 4) * 1000 ))
  (cd "$dir" && exec sipp "127.0.0.1:$sip_port" -sf "$work/uac_stream_load.xml" -i 127.0.0.1 -mi 127.0.0.1 \
      -p "$uac_port" -mp "$uac_media" -r "$setup_rate" -l "$calls" -m "$calls" -d "$hold" -nostdin -timeout 600s \
      -trace_stat -fd 1 -trace_err >/dev/null 2>&1) &
  local sipp_pid=$!
  sleep "$ramp"
  "$work/rtp-pacing-stats" "$rtp_min" "$rtp_max" >"$dir/pacing.txt" 2>&1 &
  local sniffer=$!
  local m0 m1 c0 c1 n0 n1 s0 s1
  m0=$(machine_busy); c0=$(cpu_ticks "$pid"); n0=$(cpu_ticks "$counter"); s0=$(cpu_ticks "$sipp_pid")
  sleep "$measure"
  c1=$(cpu_ticks "$pid"); n1=$(cpu_ticks "$counter"); s1=$(cpu_ticks "$sipp_pid"); m1=$(machine_busy)
  kill -TERM "$sniffer"; wait "$sniffer" || true
  local cpu node_cpu sipp_cpu busy
  cpu=$(echo "scale=1; ($c1 - $c0) * 100 / $hz / $measure" | bc)
  node_cpu=$(echo "scale=1; ($n1 - $n0) * 100 / $hz / $measure" | bc)
  sipp_cpu=$(echo "scale=1; ($s1 - $s0) * 100 / $hz / $measure" | bc)
  busy=$(echo "$m0 $m1" | awk '{printf "%.0f", ($3 - $1) * 100 / ($4 - $2)}')
  wait "$sipp_pid" || status=$?
  sleep 3   # the engine's stop messages and close handshakes
  kill -TERM "$counter"; wait "$counter" || true
  : >"$work/counter.pid"
  [ -n "${KEEP_STREAMS:-}" ] && cp "$dir/streams.txt" "$KEEP_STREAMS.$calls"
  local stat; stat=$(ls "$dir"/*.csv | grep -v rtt | head -n1)
  col() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$stat"; }
  echo "$(col 'SuccessfulCall(C)') $(col 'FailedCall(C)') $cpu $node_cpu $sipp_cpu $busy $(cat "$dir/pacing.txt")"
  grep -v listening "$dir/counter.txt"
}

echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); setup rate $setup_rate/s; window ${measure} s"
measure=3 run 2 >/dev/null   # warm-up, not counted
sleep 3
for calls in $phases; do
  { read -r ok failed cpu node_cpu sipp_cpu busy streams out lost loss p1 p50 p99 p999 max within dev99 mean in voiced; read -r summary; } < <(run "$calls")
  echo "$calls calls: SIPp completed $ok failed $failed"
  echo "  WebSocket: $summary"
  echo "  RTP to the callers: $streams streams, $out packets, lost $lost ($loss%), interval p50 $p50 us p99 $p99 us p99.9 $p999 us max $max us, within 20+-2 ms $within%, voiced $voiced%; packets into the engine $in"
  echo "  engine CPU $cpu% of one core, WebSocket server $node_cpu%, SIPp $sipp_cpu%; machine ${busy}% busy; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  sleep 5
done
grep -E "fail|warn|error|drop" -i "$work/engine.log" | sed -E 's/(CA|MZ)[0-9a-f]{32}/\1.../g' | sort | uniq -c | sort -rn | head -5 || true
