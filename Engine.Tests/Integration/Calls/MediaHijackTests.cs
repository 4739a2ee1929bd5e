using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// A third party on another loopback address (127.0.0.2) races the caller (127.0.0.1) for a real
/// call's media over the engine's SIP and RTP sockets: it learns the engine's RTP port (here from the
/// answer itself: the worst case) and sends packets before the caller's ACK, then a key while the
/// caller's Gather listens. It must hear none of the call and its key must not answer.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MediaHijackTests
{
    private const byte TelephoneEvent = 101;

    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("espeak-ng");
        _app = await TestWebApp.StartAsync();
        _app.MapXml("/gathered", "<Response><Hangup/></Response>");
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(30_000)]
    public async Task Call_AttackerOnAnotherAddressSendsFirst_HearsNothingAndItsKeyDoesNotAnswerGather(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", """<Response><Gather numDigits="1" timeout="10" action="/gathered"><Say>Press a key.</Say></Gather></Response>""");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("victim", _app.Url("/voice")), cancellationToken);
        using var caller = new TestRtpPhone();
        using var attacker = new UdpTestPeer(IPAddress.Parse("127.0.0.2"));
        using var attackerHears = new RtpCapture(attacker.Rtp);
        using var signalling = new RawSipSignalling(engine.SipPort, "victim");

        var answer = await signalling.InviteAsync(Offer(caller.Port), cancellationToken);
        var engineRtp = new IPEndPoint(IPAddress.Loopback, int.Parse(
            Regex.Match(answer, @"m=audio (\d+)").Groups[1].Value, CultureInfo.InvariantCulture));
        for (ushort i = 0; i < 5; i++)
        {
            attacker.SendRtp(engineRtp, 0, i, i * 160u, new byte[160], ssrc: 0xBAD);
        }

        await signalling.AckAsync(cancellationToken);
        await caller.WaitForCountAsync(10, cancellationToken);
        await SendKeyAsync(attacker, engineRtp, eventCode: 9, cancellationToken);
        await caller.SendDigitAsync(TelephoneEvent, 1, cancellationToken);

        var action = await _app.WaitForRequestAsync("/gathered", cancellationToken);
        action["Digits"].Should().Be("1", "the attacker's 9 came first but is not the caller's" + engine.Log);
        attackerHears.Count.Should().Be(0, "the engine's audio goes to the caller only");
    }

    private static string Offer(int rtpPort) => $"""
        v=0
        o=caller 1 1 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio {rtpPort} RTP/AVP 0 {TelephoneEvent}
        a=rtpmap:0 PCMU/8000
        a=rtpmap:{TelephoneEvent} telephone-event/8000
        a=fmtp:{TelephoneEvent} 0-15
        a=sendrecv

        """.ReplaceLineEndings("\r\n");

    /// <summary>RFC 4733 events for one key, as a phone sends them, from the attacker's socket.</summary>
    private static async Task SendKeyAsync(UdpTestPeer from, IPEndPoint to, byte eventCode, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        var payload = new byte[4];
        for (ushort step = 1; step <= 8; step++)
        {
            var end = step > 5;
            new RcmlEngine.Rtp.Dtmf.DtmfEventPayload(eventCode, end, 10, (ushort)(Math.Min(step, (ushort)5) * 160)).Write(payload);
            from.SendRtp(to, TelephoneEvent, (ushort)(100 + step), 8000, payload, marker: step == 1, ssrc: 0xBAD);
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }
}
