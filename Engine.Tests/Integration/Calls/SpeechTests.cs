using System.Diagnostics;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Speech recognition on the real path: SIPp calls and plays a sentence spoken by flite (as PCMU RTP from a
/// pcap the test writes; root only), the engine recognizes it with PocketSphinx. flite rather than espeak-ng:
/// PocketSphinx's acoustic model does not recognize espeak-ng's formant voice (see docs/speech.md).
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class SpeechTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase("billing")]
    [TestCase("support")]
    [CancelAfter(90_000)]
    public async Task GatherSpeech_CallerSaysAHint_ActionGetsThatSpeechResultAndConfidence(string said, CancellationToken cancellationToken)
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("pocketsphinx_continuous");
        RawSockets.Require();
        var scenario = await SpeakingScenarioAsync(said, cancellationToken);

        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", """
                <Response>
                  <Gather input="speech" hints="billing, sales, support" timeout="8" action="/speech">
                    <Say>Which department?</Say>
                  </Gather>
                </Response>
                """)
            .MapXml("/speech", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("speech", app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "speech", scenario);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var action = app.RequestsTo("/speech").Should().ContainSingle(engine.Log).Subject;
        action["SpeechResult"].Should().Be(said, engine.Log);
        double.Parse(action["Confidence"]!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(0, 1);
        action["Digits"].Should().BeNull("speech won, not keys");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RecordTranscribe_CallerLeavesMessage_CallbackGetsTranscription(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("pocketsphinx_continuous");
        RawSockets.Require();
        var scenario = await SpeakingScenarioAsync("please call me back tomorrow", cancellationToken);

        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", """<Response><Record maxLength="10" timeout="2" playBeep="false" transcribeCallback="/transcribed" action="/recorded"/></Response>""")
            .MapXml("/recorded", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("transcribe", app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "transcribe", scenario);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var recorded = app.RequestsTo("/recorded").Should().ContainSingle(engine.Log).Subject;
        var transcription = await app.WaitForRequestAsync("/transcribed", cancellationToken);
        transcription["TranscriptionStatus"].Should().Be("completed", engine.Log);
        transcription["TranscriptionText"].Should().ContainAll(["back", "tomorrow"], "PocketSphinx gets the key words of a clear sentence (not every word)");
        transcription["TranscriptionSid"].Should().MatchRegex("^TR[0-9a-f]{32}$");
        transcription["RecordingSid"].Should().Be(recorded["RecordingSid"]);
        transcription["RecordingUrl"].Should().Be(recorded["RecordingUrl"]);
        transcription["CallSid"].Should().Be(recorded["CallSid"]);
        transcription["AccountSid"].Should().Be(recorded["AccountSid"]);
        transcription["TranscriptionUrl"].Should().EndWith("/Accounts/" + recorded["AccountSid"] + "/Transcriptions/" + transcription["TranscriptionSid"]);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task StartTranscription_CallerSpeaks_CallbackGetsStartedContentStoppedInOrder(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("pocketsphinx_continuous");
        RawSockets.Require();
        var scenario = await SpeakingScenarioAsync("the weather is nice today", cancellationToken);

        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", """
                <Response>
                  <Start><Transcription name="live" statusCallbackUrl="/transcription"/></Start>
                  <Pause length="6"/>
                  <Stop><Transcription name="live"/></Stop>
                  <Hangup/>
                </Response>
                """)
            .MapXml("/transcription", "<Response/>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("live", app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "live", scenario);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        // Every event up to transcription-stopped (an utterance may come in more than one piece).
        var count = 3;
        var events = await app.WaitForRequestsAsync("/transcription", count, cancellationToken);
        while (events[^1]["TranscriptionEvent"] != "transcription-stopped")
        {
            events = await app.WaitForRequestsAsync("/transcription", ++count, cancellationToken);
        }

        events[0]["TranscriptionEvent"].Should().Be("transcription-started", engine.Log);
        events.Select(e => e["SequenceId"]).Should().Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        events.Select(e => e["TranscriptionSid"]).Distinct().Should().ContainSingle().Which.Should().MatchRegex("^GT[0-9a-f]{32}$");
        events.Should().OnlyContain(e => e["CallSid"]!.StartsWith("CA", StringComparison.Ordinal) && e["ProviderName"] != null);
        var contents = events.Skip(1).SkipLast(1).ToList();
        contents.Should().NotBeEmpty(engine.Log).And.OnlyContain(e => e["TranscriptionEvent"] == "transcription-content"
            && e["Final"] == "true" && e["Track"] == "inbound_track" && e["LanguageCode"] == "en-US");
        var said = string.Join(' ', contents.Select(e => System.Text.Json.JsonDocument.Parse(e["TranscriptionData"]!).RootElement.GetProperty("transcript").GetString()));
        said.Should().ContainAll(["weather", "nice"], "PocketSphinx gets the key words of a clear sentence (not every word)");
    }

    // A copy of uac_speak.xml that plays the sentence, spoken by flite, after half a second of silence.
    private async Task<string> SpeakingScenarioAsync(string sentence, CancellationToken cancellationToken)
    {
        var flite = PeerPrograms.Require("flite");
        var wav = Path.Combine(_temp.Path, "speech.wav");
        using (var process = Process.Start(new ProcessStartInfo(flite) { ArgumentList = { "-voice", "rms", "-t", sentence, "-o", wav } })!)
        {
            await process.WaitForExitAsync(cancellationToken);
            process.ExitCode.Should().Be(0, "flite speaks the sentence");
        }

        short[] speech;
        await using (var source = await WavAudioSource.OpenAsync(File.OpenRead(wav), "flite", cancellationToken))
        {
            speech = await AudioReading.ReadAllAsync(source, cancellationToken);
        }

        var pcap = Path.Combine(_temp.Path, "speech.pcap");
        RtpPcap.WritePcmu(pcap, [.. new short[4000], .. speech, .. new short[16000]]);
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepoPaths.TestAssets, "sipp", "uac_speak.xml"), cancellationToken);
        var path = Path.Combine(_temp.Path, "uac_say.xml");
        await File.WriteAllTextAsync(path, scenario.Replace("/usr/share/sip-tester/g711a.pcap", pcap, StringComparison.Ordinal), cancellationToken);
        return path;
    }
}
