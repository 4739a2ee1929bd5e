// The WebSocket server of scripts/load-streams.sh. Accepts the engine's media streams (Twilio's Media Streams
// protocol) on 127.0.0.1:PORT and checks each one: sequenceNumber counts every message from 1 without a gap,
// each track's media chunk counts from 1 without a gap, every payload is 160 bytes of mu-law (20 ms). It also
// measures how late the media arrives against its own timestamp: per track, (arrival - first arrival) -
// (timestamp - first timestamp), i.e. any backlog building up between the engine's tap and this server.
// On SIGTERM it prints one summary line (the fields are named), and one line per stream to STREAMS_FILE.
//
//   node ws-counter.js PORT STREAMS_FILE
'use strict';
const fs = require('fs');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2]);
const streamsFile = process.argv[3];
const lagBins = new Uint32Array(10001); // 1 ms bins, the last one is ">= 10 s"
const streams = [];
let connections = 0;
let badMessages = 0;

const server = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false });
server.on('connection', socket => {
  connections++;
  const s = {
    sid: '', connected: false, started: false, stopped: false, closed: false, nextSequence: 1, sequenceGaps: 0,
    tracks: { inbound: newTrack(), outbound: newTrack() }, badPayloads: 0, other: 0,
  };
  streams.push(s);
  socket.on('message', (data, isBinary) => {
    const now = Number(process.hrtime.bigint() / 1000n) / 1000; // ms
    let m;
    try {
      m = JSON.parse(isBinary ? data.toString('utf8') : data);
    } catch {
      badMessages++;
      return;
    }
    if (m.event === 'connected') {
      s.connected = true;
      return;
    }
    const sequence = Number(m.sequenceNumber);
    if (sequence !== s.nextSequence) s.sequenceGaps++;
    s.nextSequence = sequence + 1;
    switch (m.event) {
      case 'start':
        s.started = true;
        s.sid = m.streamSid;
        break;
      case 'media': {
        const t = s.tracks[m.media.track];
        if (!t) {
          s.other++;
          break;
        }
        const chunk = Number(m.media.chunk);
        const timestamp = Number(m.media.timestamp);
        if (chunk !== t.nextChunk) {
          t.chunkGaps++;
          t.missing += Math.max(0, chunk - t.nextChunk);
        }
        t.nextChunk = chunk + 1;
        t.count++;
        if (Buffer.byteLength(m.media.payload, 'base64') !== 160) s.badPayloads++;
        if (t.count === 1) {
          t.firstArrival = now;
          t.firstTimestamp = timestamp;
        }
        t.lastArrival = now;
        t.lastTimestamp = timestamp;
        const lag = Math.max(0, (now - t.firstArrival) - (timestamp - t.firstTimestamp));
        lagBins[Math.min(10000, Math.round(lag))]++;
        if (lag > t.maxLag) t.maxLag = lag;
        break;
      }
      case 'stop':
        s.stopped = true;
        break;
      default:
        s.other++;
    }
  });
  socket.on('close', () => { s.closed = true; });
});

function newTrack() {
  return { count: 0, nextChunk: 1, chunkGaps: 0, missing: 0, firstArrival: 0, lastArrival: 0, firstTimestamp: 0, lastTimestamp: 0, maxLag: 0 };
}

function lagPercentile(p) {
  let total = 0;
  for (const n of lagBins) total += n;
  if (total === 0) return '-';
  const rank = Math.ceil(total * p / 100);
  let seen = 0;
  for (let i = 0; i < lagBins.length; i++) {
    seen += lagBins[i];
    if (seen >= rank) return String(i);
  }
  return '10000';
}

// Media messages per second of one track over its own span (50 when nothing is lost or held back).
function rate(t) {
  return t.count > 1 ? (t.count - 1) * 1000 / (t.lastArrival - t.firstArrival) : 0;
}

function summary() {
  const lines = streams.map(s => {
    const i = s.tracks.inbound, o = s.tracks.outbound;
    return [s.sid || '-', `started=${s.started}`, `stopped=${s.stopped}`, `closed=${s.closed}`, `seq_gaps=${s.sequenceGaps}`,
      `in=${i.count}`, `in_chunk_gaps=${i.chunkGaps}`, `in_missing=${i.missing}`, `in_rate=${rate(i).toFixed(2)}`, `in_max_lag_ms=${i.maxLag.toFixed(1)}`,
      `out=${o.count}`, `out_chunk_gaps=${o.chunkGaps}`, `out_missing=${o.missing}`, `out_rate=${rate(o).toFixed(2)}`, `out_max_lag_ms=${o.maxLag.toFixed(1)}`,
      `bad_payloads=${s.badPayloads}`, `other=${s.other}`].join(' ');
  });
  fs.writeFileSync(streamsFile, lines.join('\n') + '\n');
  const sum = f => streams.reduce((a, s) => a + f(s), 0);
  const gapped = streams.filter(s => s.sequenceGaps + s.tracks.inbound.chunkGaps + s.tracks.outbound.chunkGaps > 0).length;
  const rates = streams.flatMap(s => [rate(s.tracks.inbound), rate(s.tracks.outbound)]).filter(r => r > 0);
  const minRate = rates.length ? Math.min(...rates).toFixed(2) : '-';
  return `connections=${connections} started=${sum(s => s.started ? 1 : 0)} stopped=${sum(s => s.stopped ? 1 : 0)} ` +
    `streams_with_gaps=${gapped} seq_gaps=${sum(s => s.sequenceGaps)} ` +
    `in_media=${sum(s => s.tracks.inbound.count)} in_missing=${sum(s => s.tracks.inbound.missing)} ` +
    `out_media=${sum(s => s.tracks.outbound.count)} out_missing=${sum(s => s.tracks.outbound.missing)} ` +
    `min_track_rate=${minRate} lag_p50_ms=${lagPercentile(50)} lag_p99_ms=${lagPercentile(99)} lag_p999_ms=${lagPercentile(99.9)} ` +
    `lag_max_ms=${Math.max(0, ...streams.flatMap(s => [s.tracks.inbound.maxLag, s.tracks.outbound.maxLag])).toFixed(1)} ` +
    `bad_payloads=${sum(s => s.badPayloads)} bad_messages=${badMessages}`;
}

server.on('listening', () => console.log(`listening on 127.0.0.1:${port}`));
process.on('SIGTERM', () => {
  console.log(summary());
  process.exit(0);
});
