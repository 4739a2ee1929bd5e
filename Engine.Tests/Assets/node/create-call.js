// Twilio's Node helper library, unchanged, against an RcmlEngine: places a call, fetches it until it is
// in progress, lists calls, hangs it up and fetches it until it has ended; prints one JSON object.
// The library is pointed at the engine through its documented custom HTTP client option (`httpClient`):
// requests the library builds for https://api.twilio.com/... are sent to ENGINE_URL by the library's own
// RequestClient. Environment: ENGINE_URL, ACCOUNT_SID, AUTH_TOKEN, TO, FROM.
"use strict";

const twilio = require("twilio");

const engine = new URL(process.env.ENGINE_URL);
const library = new twilio.RequestClient({ timeout: 10000 });
const httpClient = {
  request(options) {
    const uri = new URL(options.uri);
    uri.protocol = engine.protocol;
    uri.host = engine.host;
    return library.request({ ...options, uri: uri.href });
  },
};

const client = twilio(process.env.ACCOUNT_SID, process.env.AUTH_TOKEN, { httpClient });

async function waitForStatus(sid, wanted, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const call = await client.calls(sid).fetch();
    if (wanted.includes(call.status) || Date.now() > deadline) {
      return call;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const shape = (call) => ({ sid: call.sid, status: call.status, direction: call.direction, to: call.to, from: call.from, duration: call.duration });

async function main() {
  const created = await client.calls.create({
    to: process.env.TO,
    from: process.env.FROM,
    twiml: "<Response><Pause length=\"30\"/></Response>",
  });
  const answered = await waitForStatus(created.sid, ["in-progress", "completed", "busy", "failed", "no-answer", "canceled"], 20000);
  const listed = await client.calls.list({ limit: 5 });
  const updated = await client.calls(created.sid).update({ status: "completed" });
  const ended = await waitForStatus(created.sid, ["completed", "busy", "failed", "no-answer", "canceled"], 20000);
  return {
    created: shape(created),
    answered: shape(answered),
    listed: listed.map((call) => call.sid),
    updated: shape(updated),
    ended: shape(ended),
  };
}

main().then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    console.log(JSON.stringify({ error: String(error), status: error.status, code: error.code }));
    process.exitCode = 1;
  },
);
