using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.UserAgent;

/// <summary>A flood of malformed datagrams while real calls go on: the calls complete, the junk is counted and answered or dropped.</summary>
[TestFixture]
public sealed class SipBadInputTests
{
    private static readonly string[] Invalid = ["badinv01.dat", "clerr.dat", "ncl.dat", "scalar02.dat", "quotbal.dat", "ltgtruri.dat", "lwsstart.dat", "badaspec.dat", "baddn.dat", "badvers.dat", "mismatch01.dat", "bigcode.dat"];

    [Test]
    [CancelAfter(60000)]
    public async Task Flood_ThousandsOfMalformedDatagrams_CallsKeepCompleting(CancellationToken cancellationToken)
    {
        var folder = SharedConformance.Require("sip/rfc4475");
        var junk = Invalid.Select(f => File.ReadAllBytes(Path.Combine(folder, f))).ToList();
        var random = new Random(4475);
        var garbage = new byte[700];
        random.NextBytes(garbage);
        junk.Add(garbage);
        junk.Add("INVITE sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKtrunc\r\nFrom: <sip:a@b>;ta"u8.ToArray());
        junk.Add([0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]);

        await using var caller = SipTestStacks.Start();
        await using var callee = SipTestStacks.Start();
        callee.IncomingCallHandler = async (call, ct) =>
        {
            await call.SendProvisionalAsync(180, cancellationToken: ct);
            await call.AcceptAsync(SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\n")), null, ct);
        };

        const int Malformed = 5000;
        using var flooder = new UdpPeer();
        var target = callee.EndPoint(SipTransportKind.Udp);
        var flood = Task.Run(async () =>
        {
            for (var i = 0; i < Malformed; i++)
            {
                await flooder.SendAsync(junk[i % junk.Count], target);
                if (i % 100 == 0)
                {
                    await Task.Yield();
                }
            }
        }, cancellationToken);

        var answered = 0;
        var uri = SipUri.Create("ivr", "127.0.0.1", target.Port);
        while (!flood.IsCompleted || answered < 20)
        {
            var call = caller.Dial(new SipDialOptions(uri) { Body = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\n")) }, cancellationToken);
            (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
            await call.HangUpAsync(cancellationToken);
            answered++;
        }

        await flood;
        for (var i = 0; i < 300 && callee.Transport.RejectedCount < Malformed * 0.95; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }

        answered.Should().BeGreaterThanOrEqualTo(20);
        callee.Transport.RejectedCount.Should().BeGreaterThanOrEqualTo((long)(Malformed * 0.95), "each malformed datagram is rejected (UDP may lose a few)");
        callee.Transport.RejectedCount.Should().BeLessThanOrEqualTo(Malformed);
        callee.ActiveCalls.Should().Be(0, "every call ended and nothing leaked");

        // The 400s went back to the flooder itself, never to the addresses written in the junk.
        var answer = await flooder.ReceiveTextAsync(TimeSpan.FromSeconds(2));
        answer.Should().MatchRegex("^SIP/2.0 (400|505) ");
    }
}
