using System.Globalization;
using System.Text.Json;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Streams;

/// <summary>
/// Media streams on the real path: SIPp calls the engine (its RTP is a <see cref="TestRtpPhone"/> the test
/// owns), the document streams the call to a WebSocket server inside the test (Kestrel), and what each side
/// gets is checked by its content: tone frequencies, keys, marks, sequence numbers.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MediaStreamTests
{
    private TestWebApp _app = null!;
    private TestStreamServer _server = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _server = await TestStreamServer.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ConnectStream_CallerToneAndKey_ArriveAsMediaAndDtmf(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"""<Response><Connect action="/after"><Stream url="{_server.Url}"><Parameter name="FirstName" value="Jane"/></Stream></Connect></Response>""")
            .MapXml("/after", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("connect", _app.Url("/voice")), cancellationToken);
        using var phone = new TestRtpPhone();
        await using var sipp = SippRunner.Call(engine.SipPort, "connect", "uac_bridge_party.xml", phone.Port, "-key", "te_pt", "101");

        var stream = await _server.AcceptAsync(cancellationToken);
        var start = await stream.WaitForAsync(m => Event(m) == "start", cancellationToken);
        stream.Messages[0].GetProperty("event").GetString().Should().Be("connected");
        stream.Messages[0].GetProperty("protocol").GetString().Should().Be("Call");
        var streamSid = start.GetProperty("streamSid").GetString()!;
        streamSid.Should().MatchRegex("^MZ[0-9a-f]{32}$");
        var details = start.GetProperty("start");
        details.GetProperty("callSid").GetString().Should().Be(_app.RequestsTo("/voice").Single()["CallSid"]);
        details.GetProperty("customParameters").GetProperty("FirstName").GetString().Should().Be("Jane");
        details.GetProperty("mediaFormat").GetProperty("encoding").GetString().Should().Be("audio/x-mulaw");
        details.GetProperty("tracks").EnumerateArray().Select(t => t.GetString()).Should().Equal("inbound");

        await phone.WaitForEngineAsync(cancellationToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tone = phone.SendToneUntilCancelledAsync(1000, talking.Token);
        await stream.WaitForCountAsync("media", 150, cancellationToken);
        await phone.SendDigitAsync(101, 5, cancellationToken);
        var dtmf = await stream.WaitForAsync(m => Event(m) == "dtmf", cancellationToken);
        await talking.CancelAsync();
        await tone;

        dtmf.GetProperty("dtmf").GetProperty("digit").GetString().Should().Be("5");
        dtmf.GetProperty("dtmf").GetProperty("track").GetString().Should().Be("inbound_track");
        var inbound = stream.Audio("inbound");
        var loud = Array.FindIndex(inbound, s => Math.Abs((int)s) > 2000);
        loud.Should().BeGreaterThanOrEqualTo(0, "the caller's tone reached the server");
        ToneAnalysis.DominantFrequency(inbound.AsSpan(loud + 800, 4000)).Should().Be(1000);
        AssertNoGaps(stream);

        await stream.CloseAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "the server's close ran the action, which hung up: " + sipp.Describe() + engine.Log);
        _app.RequestsTo("/after").Should().ContainSingle();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ConnectStream_ServerAudio_PlaysToTheCallerThenItsMarkComesBack_ClearCutsTheRest(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"""<Response><Connect><Stream url="{_server.Url}"/></Connect><Hangup/></Response>""");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("connect", _app.Url("/voice")), cancellationToken);
        using var phone = new TestRtpPhone();
        await using var sipp = SippRunner.Call(engine.SipPort, "connect", "uac_bridge_party.xml", phone.Port, "-key", "te_pt", "101");
        var stream = await _server.AcceptAsync(cancellationToken);
        var start = await stream.WaitForAsync(m => Event(m) == "start", cancellationToken);
        var sid = start.GetProperty("streamSid").GetString()!;

        // One second of 440 Hz, then a mark: it comes back once that second has been sent to the caller.
        await stream.SendAudioAsync(sid, ToneAnalysis.Sine(440, 8000, 8000), cancellationToken);
        await stream.SendAsync($$$"""{"event":"mark","streamSid":"{{{sid}}}","mark":{"name":"first"}}""", cancellationToken);
        var mark = await stream.WaitForAsync(m => Event(m) == "mark", cancellationToken);
        mark.GetProperty("mark").GetProperty("name").GetString().Should().Be("first");
        phone.Packets.Count(p => TestRtpPhone.CarriesTone(p, 440)).Should().BeGreaterThanOrEqualTo(45, "the mark is echoed after its second of audio played");

        // Ten seconds queued, then clear: the pending mark comes back at once and the tone stops.
        await stream.SendAudioAsync(sid, ToneAnalysis.Sine(440, 8000, 80_000), cancellationToken);
        await stream.SendAsync($$$"""{"event":"mark","streamSid":"{{{sid}}}","mark":{"name":"second"}}""", cancellationToken);
        var before = phone.Packets.Count(p => TestRtpPhone.CarriesTone(p, 440));
        await phone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 440), cancellationToken, includeEarlier: false);
        await stream.SendAsync($$$"""{"event":"clear","streamSid":"{{{sid}}}"}""", cancellationToken);
        var second = await stream.WaitForAsync(m => Event(m) == "mark" && m.GetProperty("mark").GetProperty("name").GetString() == "second", cancellationToken);
        second.Should().NotBeNull();
        var atClear = phone.Count;
        await phone.WaitForCountAsync(atClear + 50, cancellationToken);
        var played = phone.Packets.Count(p => TestRtpPhone.CarriesTone(p, 440)) - before;
        played.Should().BeLessThan(150, "clear dropped the ten seconds queued (500 packets)");
        phone.Packets.TakeLast(25).Should().NotContain(p => TestRtpPhone.CarriesTone(p, 440), "after clear the caller hears silence");

        await stream.CloseAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task StartStream_BothTracksDuringPlay_BothArrive_StopSendsStopAndCallbacks(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", $"""
            <Response>
              <Start><Stream name="fork" url="{_server.Url}" track="both_tracks" statusCallback="/stream-status"/></Start>
              <Play>/tone.wav</Play>
              <Stop><Stream name="fork"/></Stop>
              <Pause length="1"/>
              <Hangup/>
            </Response>
            """)
            .Map("/tone.wav", TestResponse.File(Wav(ToneAnalysis.Sine(440, 8000, 16_000)), "audio/wav"))
            .Map("/stream-status", TestResponse.Status(204));
        await using var engine = await TestEngine.StartAsync(TestEngine.App("fork", _app.Url("/voice")), cancellationToken);
        using var phone = new TestRtpPhone();
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var sipp = SippRunner.Call(engine.SipPort, "fork", "uac_bridge_party.xml", phone.Port, "-key", "te_pt", "101");
        var stream = await _server.AcceptAsync(cancellationToken);
        await phone.WaitForEngineAsync(cancellationToken);
        var tone = phone.SendToneUntilCancelledAsync(1000, talking.Token);

        var stop = await stream.WaitForAsync(m => Event(m) == "stop", cancellationToken);
        await stream.Closed.WaitAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);
        await talking.CancelAsync();
        await tone;

        var callSid = _app.RequestsTo("/voice").Single()["CallSid"];
        stop.GetProperty("stop").GetProperty("callSid").GetString().Should().Be(callSid);
        var start = stream.Events("start").Single().GetProperty("start");
        start.GetProperty("tracks").EnumerateArray().Select(t => t.GetString()).Should().Equal("inbound", "outbound");
        var inbound = stream.Audio("inbound");
        var outbound = stream.Audio("outbound");
        outbound.Length.Should().BeGreaterThan(12_000, "the two seconds played went to the outbound track");
        var heard = Array.FindIndex(outbound, s => Math.Abs((int)s) > 2000);
        ToneAnalysis.DominantFrequency(outbound.AsSpan(heard + 800, 4000)).Should().Be(440, "the outbound track is what the caller heard");
        var said = Array.FindIndex(inbound, s => Math.Abs((int)s) > 2000);
        said.Should().BeGreaterThanOrEqualTo(0, "the caller's tone is on the inbound track");
        ToneAnalysis.DominantFrequency(inbound.AsSpan(said + 800, 4000)).Should().Be(1000);
        AssertNoGaps(stream);
        stream.Messages[^1].GetProperty("event").GetString().Should().Be("stop", "stop is the last message");

        var callbacks = await _app.WaitForRequestsAsync("/stream-status", 2, cancellationToken);
        callbacks.Select(c => c["StreamEvent"]).Should().Equal("stream-started", "stream-stopped");
        callbacks.Should().OnlyContain(c => c["StreamName"] == "fork" && c["CallSid"] == callSid
            && c["StreamSid"] == stop.GetProperty("streamSid").GetString());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task StartStream_UnreachableServer_StreamErrorCallbackAndTheCallGoesOn(CancellationToken cancellationToken)
    {
        var unused = TestWebApp.UnusedLoopbackUrl("/media");
        _app.MapXml("/voice", $"""
            <Response>
              <Start><Stream url="ws://127.0.0.1:{unused.Port}/media" statusCallback="/stream-status"/></Start>
              <Play>/tone.wav</Play>
              <Hangup/>
            </Response>
            """)
            .Map("/tone.wav", TestResponse.File(Wav(ToneAnalysis.Sine(440, 8000, 8000)), "audio/wav"))
            .Map("/stream-status", TestResponse.Status(204));
        await using var engine = await TestEngine.StartAsync(TestEngine.App("down", _app.Url("/voice")), cancellationToken);
        using var phone = new TestRtpPhone();
        await using var sipp = SippRunner.Call(engine.SipPort, "down", "uac_bridge_party.xml", phone.Port, "-key", "te_pt", "101");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        phone.Packets.Count(p => TestRtpPhone.CarriesTone(p, 440)).Should().BeGreaterThan(30, "the Play after the failed Start ran");
        var callback = (await _app.WaitForRequestsAsync("/stream-status", 1, cancellationToken)).Single();
        callback["StreamEvent"].Should().Be("stream-error");
        callback["StreamError"].Should().Contain("cannot connect");
        callback["StreamSid"].Should().MatchRegex("^MZ[0-9a-f]{32}$");
    }

    private static string? Event(JsonElement message) => message.GetProperty("event").GetString();

    // Every message after connected is numbered from 1 without a gap, and each track's chunks from 1 too.
    private static void AssertNoGaps(TestStreamConnection stream)
    {
        var numbered = stream.Messages.Skip(1).Select(m => long.Parse(m.GetProperty("sequenceNumber").GetString()!, CultureInfo.InvariantCulture)).ToList();
        numbered.Should().Equal(Enumerable.Range(1, numbered.Count).Select(i => (long)i), "sequence numbers have no gap");
        foreach (var track in new[] { "inbound", "outbound" })
        {
            var chunks = stream.Events("media").Where(m => m.GetProperty("media").GetProperty("track").GetString() == track)
                .Select(m => long.Parse(m.GetProperty("media").GetProperty("chunk").GetString()!, CultureInfo.InvariantCulture)).ToList();
            chunks.Should().Equal(Enumerable.Range(1, chunks.Count).Select(i => (long)i), $"the {track} chunks have no gap");
        }
    }

    private static byte[] Wav(short[] samples)
    {
        var pcm = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, pcm, 0, pcm.Length);
        return WavBytes.Build(1, 1, 8000, 16, pcm);
    }
}
