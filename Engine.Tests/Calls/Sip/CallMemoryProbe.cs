using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Rtp;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Sip;

/// <summary>
/// Measurements, not checks: the live managed memory of a media session and of an answered call, after a
/// forced full collection. Explicit (run by <c>scripts/memory-per-call.sh</c>): a figure, not a pass or fail.
/// </summary>
[TestFixture]
[Explicit("a measurement: scripts/memory-per-call.sh runs it")]
internal sealed class CallMemoryProbe
{
    private const int Measured = 300;
    private static readonly RtpOptions ProbeRtp = new() { MinPort = 40000, MaxPort = 44000, InactivityTimeout = TimeSpan.Zero };

    [Test]
    [CancelAfter(120_000)]
    public async Task MediaSession_Started_LiveBytes(CancellationToken cancellationToken)
    {
        using var media = new MediaSessions(rtpOptions: ProbeRtp);
        var sessions = new List<RtpMediaSession>();
        void StartOne()
        {
            var session = media.Factory.Create();
            session.AnswerOffer(MediaSessions.PeerSdp(9));
            session.Start();
            sessions.Add(session);
        }

        var perSession = await MeasureAsync(StartOne, cancellationToken);
        await TestContext.Progress.WriteLineAsync($"live managed memory per started media session: {perSession / 1024} KiB");
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task AnsweredCallInGather_BothSides_LiveBytes(CancellationToken cancellationToken)
    {
        await using var harness = new SipCallHarness(ProbeRtp);
        harness.Audio.SpeechLength = TimeSpan.FromMilliseconds(100);
        var gathers = new List<Task>();
        async Task OneAsync()
        {
            var phone = harness.PhoneMedia();
            var (leg, call) = await harness.CallEngineAsync(phone, cancellationToken);
            await leg.AnswerAsync(cancellationToken);
            await SipCallHarness.ConnectPhoneAsync(call, phone, cancellationToken);
            var options = new DigitCollectOptions { Timeout = TimeSpan.FromMinutes(5) };
            gathers.Add(leg.CollectDigitsAsync([new SpeechPrompt("x", "man", "en")], options, cancellationToken));
        }

        var perCall = await MeasureAsync(() => OneAsync().GetAwaiter().GetResult(), cancellationToken);
        await TestContext.Progress.WriteLineAsync(
            $"live managed memory per answered call in a Gather (engine leg, plus the test phone's SIP and RTP side): {perCall / 1024} KiB");
    }

    private static async Task<long> MeasureAsync(Action addOne, CancellationToken cancellationToken)
    {
        // A few first, so that pools, JIT and shared threads are not counted.
        for (var i = 0; i < 10; i++)
        {
            addOne();
        }

        await Task.Delay(1000, cancellationToken);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Measured; i++)
        {
            addOne();
        }

        await Task.Delay(2000, cancellationToken);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (after - before) / Measured;
    }
}
