using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 4's interop with a real softphone (baresip, headless over ctrl_tcp) on the whole engine: baresip
/// calls an application and presses keys; baresip's audio reaches a recording in the codec agreed; the
/// engine places an outbound leg to baresip, which answers by itself and hears the engine's audio.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
internal sealed class BaresipCallTests
{
    private TestWebApp _app = null!;
    private TempDirectory _files = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("espeak-ng");
        _app = await TestWebApp.StartAsync();
        _files = new TempDirectory();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BaresipCalls_Rfc4733Keys_RecognizedByGather(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Gather numDigits=\"3\" timeout=\"10\" action=\"/gathered\"><Say>Enter three digits.</Say></Gather></Response>")
            .MapXml("/gathered", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("gather", _app.Url("/voice")), cancellationToken);
        await using var phone = await BaresipRunner.StartAsync(new BaresipOptions { User = "alice" }, cancellationToken);

        await phone.DialAsync($"sip:gather@127.0.0.1:{engine.SipPort}", cancellationToken);
        await phone.WaitForEventAsync("CALL_ESTABLISHED", cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);
        await phone.SendDtmfAsync("123", cancellationToken);

        var gathered = await _app.WaitForRequestAsync("/gathered", cancellationToken);
        gathered["Digits"].Should().Be("123", phone.Describe() + engine.Log);
        await phone.WaitForEventAsync("CALL_CLOSED", cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BaresipCalls_PcmaOnly_ItsToneIsRecordedThroughTheAgreedCodec(CancellationToken cancellationToken)
    {
        var tone = _files.File("tone.wav");
        await File.WriteAllBytesAsync(tone, ToneWav(1000, seconds: 6), cancellationToken);
        _app.MapXml("/voice", "<Response><Record playBeep=\"false\" maxLength=\"3\" timeout=\"5\" trim=\"do-not-trim\" action=\"/recorded\"/></Response>")
            .MapXml("/recorded", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("record", _app.Url("/voice")), cancellationToken);
        await using var phone = await BaresipRunner.StartAsync(new BaresipOptions { User = "alice", AudioCodecs = ["pcma"] }.WithAudioFile(tone), cancellationToken);

        await phone.DialAsync($"sip:record@127.0.0.1:{engine.SipPort}", cancellationToken);
        var recorded = await _app.WaitForRequestAsync("/recorded", cancellationToken);

        engine.Log.Should().Contain("PCMA at 20 ms", "baresip offered PCMA only");
        using var http = new HttpClient();
        await using var wav = await WavAudioSource.OpenAsync(await http.GetStreamAsync(new Uri(recorded["RecordingUrl"]!), cancellationToken), "recording", cancellationToken);
        var samples = await AudioReading.ReadAllAsync(wav, cancellationToken);
        var middle = samples.AsSpan(samples.Length / 4, samples.Length / 2);
        ToneAnalysis.DominantFrequency(middle).Should().Be(1000, "baresip's tone, decoded as the PCMA it was sent in");
        ToneAnalysis.Rms(middle).Should().BeGreaterThan(5000, "a half-scale sine survives the codec");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task EngineCallsBaresip_AutoAnswered_BaresipHearsThePlayedTone(CancellationToken cancellationToken)
    {
        _app.Map("/tone.wav", TestResponse.File(ToneWav(1000, seconds: 2), "audio/wav"));
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        var recordings = Directory.CreateDirectory(_files.File("heard")).FullName;
        await using var phone = await BaresipRunner.StartAsync(new BaresipOptions { User = "bob", AnswerMode = "auto", RecordDirectory = recordings }, cancellationToken);
        var dialer = engine.Services.GetRequiredService<ICallDialer>();
        var info = new CallInfo
        {
            CallSid = TwilioSid.NewCallSid(), AccountSid = "AC" + new string('0', 32), From = "+15550001111", To = "bob", Direction = CallDirection.OutboundDial,
        };

        await using var leg = dialer.Dial(new DialRequest { Target = phone.DirectUri(), Info = info });
        await leg.AnswerAsync(cancellationToken);
        await phone.WaitForEventAsync("CALL_RTPESTAB", cancellationToken);
        await leg.PlayAsync([new AudioPrompt(_app.Url("/tone.wav"))], interruptOnDigit: false, cancellationToken);
        await leg.HangUpAsync(cancellationToken);
        await phone.WaitForEventAsync("CALL_CLOSED", cancellationToken);

        (await leg.Outcome).Status.Should().Be(DialStatus.Answered);
        var heard = phone.Recordings("dec").Should().ContainSingle(phone.Describe()).Subject;
        await using var wav = await WavAudioSource.OpenAsync(File.OpenRead(heard), "heard", cancellationToken);
        var samples = await AudioReading.ReadAllAsync(wav, cancellationToken);
        var loud = samples.Count(s => Math.Abs((int)s) > 4000);
        loud.Should().BeGreaterThan(8000, "about two seconds of half-scale tone: " + phone.Describe());
        var start = Array.FindIndex(samples, s => Math.Abs((int)s) > 4000);
        ToneAnalysis.DominantFrequency(samples.AsSpan(start + 800, 4000)).Should().Be(1000);
    }

    /// <summary>A sine at half scale, 8 kHz mono 16-bit PCM WAV.</summary>
    private static byte[] ToneWav(int frequency, int seconds)
    {
        var samples = ToneAnalysis.Sine(frequency, 16384, 8000 * seconds);
        var pcm = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, pcm, 0, pcm.Length);
        return WavBytes.Build(1, 1, 8000, 16, pcm);
    }
}
