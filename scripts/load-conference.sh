#!/usr/bin/env bash
# Conferences under load: SIPp callers -> `rcml serve` running <Dial><Conference>room-N</Conference></Dial>,
# N taken from the called number (sip:room-N@engine runs room-N.xml; SIPp reads the numbers from an
# injection file, participant i calls room i mod ROOMS). Every caller sends PCMU at 50 packets/s (SIPp's
# rtp_stream of random payloads: every participant talks all the time, so every speech detector is on and
# the limiter works) and hangs up after the measurement. The engine sends each leg its N-1 mix, one packet
# per mixer tick (the mixer's tick is a stream of the shared pacer; its frames go out as they are made).
# scripts/rtp-pacing-stats.c reads lo with kernel timestamps over a steady-state window: the interval
# between consecutive packets of each engine stream (p1/p50/p99/p99.9/max, share within 20 +- 2 ms),
# sequence gaps in them (packets the engine never sent), and how many carried audio (not digital silence).
# Engine CPU (% of one core) and the whole machine's busy share are taken over the same window.
# Not measured: the mix's content beyond "not silence" (the unit tests check the sums), SIPp's receive
# side (it never reads the engine's packets), mouth-to-ear latency.
#
#   scripts/load-conference.sh [ROOMSxSIZE ...]     default: 50x6 1x100
#   RATE=20 MEASURE=20 scripts/load-conference.sh 50x6
#   REALTIME=10 scripts/load-conference.sh                 (Rtp:MediaThreadRealtimePriority: SCHED_RR media threads)
#   KEEP_LOG=/tmp/engine.log scripts/load-conference.sh   (keeps the engine log)
set -euo pipefail
cd "$(dirname "$0")/.."

phases=${*:-"50x6 1x100"}
setup_rate=${RATE:-20}
measure=${MEASURE:-20}
realtime=${REALTIME:-0}
sip_port=${SIP_PORT:-25260}
http_port=${HTTP_PORT:-28280}
uac_port=${UAC_PORT:-25270}
uac_media=${UAC_MEDIA_PORT:-26300}
rtp_min=30000
rtp_max=40000
command -v sipp >/dev/null || { echo "sipp not found: apt-get install sip-tester" >&2; exit 1; }
command -v gcc >/dev/null || { echo "gcc not found (it builds the packet reader)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "the packet reader needs root (AF_PACKET)" >&2; exit 1; }
ulimit -n 20000 2>/dev/null || true

dotnet build Engine -c Release -nologo -v q >/dev/null
work=$(mktemp -d)
mkdir -p "$work/app"
gcc -O2 -o "$work/rtp-pacing-stats" scripts/rtp-pacing-stats.c

# The callers' audio: random PCMU (no 0x7F), 20 ms a packet, 10 minutes (longer than any phase).
python3 - "$work/talk.ulaw" 30000 <<'PY'
import random, sys
path, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(6)
values = bytes(b for b in range(256) if b != 0x7F)
with open(path, "wb") as f:
    f.write(bytes(rng.choice(values) for _ in range(160 * count)))
PY

cat >"$work/uac_conference_load.xml" <<XML
<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="uac conference load">
  <send retrans="500">
    <![CDATA[

      INVITE sip:[field0]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[field0]@[remote_ip]:[remote_port]>
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

      ACK sip:[field0]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[field0]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <pause milliseconds="500"/>
  <nop><action><exec rtp_stream="$work/talk.ulaw,1,0"/></action></nop>
  <pause/>
  <send retrans="500">
    <![CDATA[

      BYE sip:[field0]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Load" <sip:+15550001111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[field0]@[remote_ip]:[remote_port]>[peer_tag_param]
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
  "Rtp": { "PortMin": $rtp_min, "PortMax": $rtp_max, "MediaThreadRealtimePriority": $realtime },
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
cleanup() {
  kill -TERM "$engine" 2>/dev/null || true
  wait "$engine" 2>/dev/null || true
  [ -n "${KEEP_LOG:-}" ] && cp "$work/engine.log" "$KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do grep -q "Ctrl+C stops" "$work/engine.log" && break; sleep 0.2; done
pid=$engine
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
machine_busy() { awk '/^cpu / {idle = $5 + $6; total = 0; for (i = 2; i <= 9; i++) total += $i; print total - idle, total}' /proc/stat; }
hz=$(getconf CLK_TCK)
next_room=1

# One phase: ROOMS rooms of SIZE callers each, all connected at once; prints
# "completed failed peak cpu% machine_busy% <rtp-pacing-stats line>".
run() {
  local rooms=$1 size=$2 legs=$(( $1 * $2 )) dir="$work/run-$1x$2-$RANDOM" status=0
  local first=$next_room
  next_room=$(( next_room + rooms ))
  mkdir -p "$dir"
  { echo SEQUENTIAL; for i in $(seq 0 $(( legs - 1 ))); do echo "room-$(( first + i % rooms ));"; done; } >"$dir/rooms.csv"
  for r in $(seq "$first" $(( first + rooms - 1 ))); do
    echo "<Response><Dial><Conference>room-$r</Conference></Dial></Response>" >"$work/app/room-$r.xml"
  done
  # Everyone is connected LEGS / RATE s after the start; 4 s to settle, the window, 6 s spare before the hang-ups.
  local ramp=$(( legs / setup_rate + 4 ))
  local hold=$(( (ramp + measure + 6) * 1000 ))
  (cd "$dir" && sipp "127.0.0.1:$sip_port" -sf "$work/uac_conference_load.xml" -inf "$dir/rooms.csv" -i 127.0.0.1 -mi 127.0.0.1 \
      -p "$uac_port" -mp "$uac_media" -r "$setup_rate" -l "$legs" -m "$legs" -d "$hold" -nostdin -timeout 900s \
      -trace_stat -fd 1 -trace_err >/dev/null 2>&1) &
  local sipp_pid=$!
  sleep "$ramp"
  "$work/rtp-pacing-stats" "$rtp_min" "$rtp_max" >"$dir/pacing.txt" 2>&1 &
  local sniffer=$!
  local m0 m1 c0 c1
  m0=$(machine_busy); c0=$(cpu_ticks)
  sleep "$measure"
  c1=$(cpu_ticks); m1=$(machine_busy)
  kill -TERM "$sniffer"; wait "$sniffer" || true
  local cpu busy
  cpu=$(echo "scale=1; ($c1 - $c0) * 100 / $hz / $measure" | bc)
  busy=$(echo "$m0 $m1" | awk '{printf "%.0f", ($3 - $1) * 100 / ($4 - $2)}')
  wait "$sipp_pid" || status=$?
  local stat; stat=$(ls "$dir"/*.csv | grep -v -e rtt -e rooms | head -n1)
  col() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$stat"; }
  peak() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i; next} {if ($c+0>m) m=$c+0} END{print m+0}' "$stat"; }
  echo "$(col 'SuccessfulCall(C)') $(col 'FailedCall(C)') $(peak 'CurrentCall') $cpu $busy $(cat "$dir/pacing.txt")"
}

echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); setup rate $setup_rate/s; window ${measure} s; Rtp:MediaThreadRealtimePriority $realtime"
measure=3 run 2 3 >/dev/null   # warm-up, not counted
sleep 3
printf '%-7s %-5s %-9s %-6s %-7s %-8s %-9s %-6s %-7s %-7s %-7s %-8s %-7s %-8s %-9s %-8s %-7s\n' \
  phase legs completed failed streams out_pkts lost_pkts loss_% p1_us p50_us p99_us p99.9_us max_us in_20±2% dev_p99_us voiced_% cpu%
for phase in $phases; do
  rooms=${phase%x*}; size=${phase#*x}
  read -r ok failed peak cpu busy streams out lost loss p1 p50 p99 p999 max within dev99 mean in voiced < <(run "$rooms" "$size")
  printf '%-7s %-5s %-9s %-6s %-7s %-8s %-9s %-6s %-7s %-7s %-7s %-8s %-7s %-8s %-9s %-8s %-7s\n' \
    "$phase" "$(( rooms * size ))" "$ok" "$failed" "$streams" "$out" "$lost" "$loss" "$p1" "$p50" "$p99" "$p999" "$max" "$within" "$dev99" "$voiced" "$cpu"
  echo "  engine CPU $cpu% of one core; machine ${busy}% busy (both cores, every process); peak SIPp calls $peak; mean interval ${mean} us; packets into the engine $in; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  sleep 5
done
grep -E "fail|warn|error" -i "$work/engine.log" | sort | uniq -c | sort -rn | head -5 || true
