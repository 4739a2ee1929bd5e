#!/usr/bin/env bash
# Queues under load: SIPp callers -> `rcml serve` running <Response><Enqueue>q-N</Enqueue></Response>
# (sip:q-N@engine runs q-N.xml; caller i calls queue i mod QUEUES), each waiting with the engine's default
# hold music (no waitUrl). Phase 1, waiting: CALLERS callers in the queues; scripts/rtp-pacing-stats.c reads
# lo with kernel timestamps over a steady-state window: the interval between consecutive packets of each
# engine stream (p1/p50/p99/p99.9/max, share within 20 +- 2 ms), sequence gaps (packets the engine never
# sent) and how many carried audio. Engine CPU and the machine's busy share over the same window.
# Phase 2, dequeueing: AGENTS SIPp agents call sip:agent-N@engine (<Dial timeLimit=1><Queue>q-N</Queue></Dial>)
# at AGENT_RATE/s while the callers still wait; each takes the front caller of its queue. The dequeue latency
# (agent answered -> bridge started: take the member, the caller's music stops, the bridge) is the engine's
# own figure from its log line "Dial Queue: bridged to caller CA... X ms after the agent answered"
# (QueueDialing, Information); not measured from the wire. Callers not dequeued hang up after the run.
#
# The SIPp parties send no RTP (callers on hold listen): Rtp:InactivityTimeout is raised to 10 min so the
# engine does not hang up on them.
#
#   scripts/load-queue.sh                      CALLERS=1000 QUEUES=5 AGENTS=100
#   REALTIME=10 scripts/load-queue.sh          (Rtp:MediaThreadRealtimePriority: SCHED_RR media threads)
#   CALLERS=500 RATE=50 MEASURE=20 AGENTS=50 AGENT_RATE=10 scripts/load-queue.sh
set -euo pipefail
cd "$(dirname "$0")/.."

callers=${CALLERS:-1000}
queues=${QUEUES:-5}
agents=${AGENTS:-100}
setup_rate=${RATE:-50}
agent_rate=${AGENT_RATE:-10}
measure=${MEASURE:-20}
realtime=${REALTIME:-0}
sip_port=${SIP_PORT:-25360}
http_port=${HTTP_PORT:-28380}
uac_port=${UAC_PORT:-25370}
uac_media=${UAC_MEDIA_PORT:-26400}
agent_port=${AGENT_PORT:-25380}
agent_media=${AGENT_MEDIA_PORT:-26500}
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
for q in $(seq 1 "$queues"); do
  echo "<Response><Enqueue>q-$q</Enqueue></Response>" >"$work/app/q-$q.xml"
  echo "<Response><Dial timeLimit=\"1\" timeout=\"10\"><Queue>q-$q</Queue></Dial></Response>" >"$work/app/agent-$q.xml"
done
{ echo SEQUENTIAL; for i in $(seq 0 $(( callers - 1 ))); do echo "q-$(( 1 + i % queues ));"; done; } >"$work/callers.csv"
{ echo SEQUENTIAL; for i in $(seq 0 $(( agents - 1 ))); do echo "agent-$(( 1 + i % queues ));"; done; } >"$work/agents.csv"

# One party: INVITE, ACK, then either the engine's BYE (a dequeued caller after its bridge, an agent) or,
# after -d, its own BYE (a caller still waiting).
cat >"$work/uac_party.xml" <<'XML'
<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="uac queue party">
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
      m=audio [media_port] RTP/AVP 0
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
  <recv request="BYE" timeout="HOLD_MS" ontimeout="1"/>
  <send next="2">
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>
  <label id="1"/>
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
  <label id="2"/>
</scenario>
XML

cat >"$work/load.json" <<JSON
{
  "Sip": { "ListenAddress": "127.0.0.1", "UdpPort": $sip_port, "TcpPort": $sip_port },
  "Http": { "ListenAddress": "127.0.0.1", "Port": $http_port },
  "Rtp": { "PortMin": $rtp_min, "PortMax": $rtp_max, "MediaThreadRealtimePriority": $realtime, "InactivityTimeout": "00:10:00" },
  "Samples": { "Folder": "$work/app" },
  "Recordings": { "Folder": "$work/recordings" },
  "Webhooks": { "Queue": { "StorePath": "$work/callbacks.db" } },
  "Media": { "CacheDirectory": "$work/cache", "Codecs": ["PCMU"] },
  "Limits": { "MaxCallsPerSecond": 0, "MaxConcurrentCalls": 0 },
  "Logging": { "LogLevel": { "Default": "Warning", "RcmlEngine.Execution.Queueing.QueueDialing": "Information" } }
}
JSON
(cd "$work" && exec dotnet "$OLDPWD/Engine/bin/Release/net10.0/rcml.dll" serve --config "$work/load.json" >"$work/engine.log" 2>&1) &
engine=$!
sipp_callers=
cleanup() {
  [ -n "$sipp_callers" ] && kill -TERM "$sipp_callers" 2>/dev/null || true
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
sipp_stat() { awk -F';' -v name="$2" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$(ls "$1"/uac_*.csv | grep -v rtt | head -n1)"; }

echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); $callers callers in $queues queues at $setup_rate/s; window ${measure} s; $agents agents at $agent_rate/s; Rtp:MediaThreadRealtimePriority $realtime"
ramp=$(( callers / setup_rate + 5 ))
agent_time=$(( agents / agent_rate + 15 ))
hold=$(( (ramp + measure + agent_time + 10) * 1000 ))
mkdir -p "$work/callers" "$work/agents"
sed "s/HOLD_MS/$hold/" "$work/uac_party.xml" >"$work/uac_caller.xml"
sed "s/HOLD_MS/30000/" "$work/uac_party.xml" >"$work/uac_agent.xml"
(cd "$work/callers" && exec sipp "127.0.0.1:$sip_port" -sf "$work/uac_caller.xml" -inf "$work/callers.csv" -i 127.0.0.1 -mi 127.0.0.1 \
    -p "$uac_port" -mp "$uac_media" -r "$setup_rate" -l "$callers" -m "$callers" -nostdin -timeout 900s \
    -trace_stat -fd 1 -trace_err >/dev/null 2>&1) &
sipp_callers=$!
sleep "$ramp"

"$work/rtp-pacing-stats" "$rtp_min" "$rtp_max" >"$work/pacing.txt" 2>&1 &
sniffer=$!
m0=$(machine_busy); c0=$(cpu_ticks)
sleep "$measure"
c1=$(cpu_ticks); m1=$(machine_busy)
kill -TERM "$sniffer"; wait "$sniffer" || true
cpu=$(echo "scale=1; ($c1 - $c0) * 100 / $hz / $measure" | bc)
busy=$(echo "$m0 $m1" | awk '{printf "%.0f", ($3 - $1) * 100 / ($4 - $2)}')
read -r streams out lost loss p1 p50 p99 p999 max within dev99 mean in voiced <"$work/pacing.txt"
echo "waiting: $streams engine streams (callers' music), $out packets, lost $lost ($loss%), interval p1 $p1 us p50 $p50 us p99 $p99 us p99.9 $p999 us max $max us, within 20+-2 ms $within%, |dev| p99 $dev99 us, voiced $voiced%; engine CPU $cpu% of one core, machine ${busy}% busy; load average $(cut -d' ' -f1-3 /proc/loadavg)"

(cd "$work/agents" && sipp "127.0.0.1:$sip_port" -sf "$work/uac_agent.xml" -inf "$work/agents.csv" -i 127.0.0.1 -mi 127.0.0.1 \
    -p "$agent_port" -mp "$agent_media" -r "$agent_rate" -l "$agents" -m "$agents" -nostdin -timeout 300s \
    -trace_stat -fd 1 -trace_err >/dev/null 2>&1) || true
grep -o "bridged to caller CA[0-9a-f]* [0-9.]* ms after the agent answered" "$work/engine.log" | awk '{print $5}' | sort -n >"$work/dequeue.txt" || true
n=$(wc -l <"$work/dequeue.txt")
pct() { awk -v p="$1" '{v[NR]=$1} END{if (NR==0) {print "-"; exit} i=int(NR*p/100+0.999); if (i<1) i=1; print v[i]}' "$work/dequeue.txt"; }
echo "dequeueing: agents completed $(sipp_stat "$work/agents" 'SuccessfulCall(C)') failed $(sipp_stat "$work/agents" 'FailedCall(C)'); bridges logged $n; agent answer -> bridge p50 $(pct 50) ms p99 $(pct 99) ms max $(tail -n1 "$work/dequeue.txt") ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM "$sipp_callers" 2>/dev/null || true
wait "$sipp_callers" 2>/dev/null || true
sipp_callers=
grep -E "fail|warn|error" -i "$work/engine.log" | sed -E 's/CA[0-9a-f]{32}/CA.../g' | sort | uniq -c | sort -rn | head -5 || true
