using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>Record on the real path: SIPp talks (its speech pcap, root only), the recording is fetched back from its RecordingUrl.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class RecordTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Record_CallerTalks_RecordingUrlServesTheCallersSpeech(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("sipp");
        RawSockets.Require();

        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", "<Response><Record maxLength=\"4\" timeout=\"3\" action=\"/recorded\"/></Response>")
            .MapXml("/recorded", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("record", app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "record", "uac_speak.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);

        var recorded = app.RequestsTo("/recorded").Should().ContainSingle(engine.Log).Subject;
        var url = new Uri(recorded["RecordingUrl"]!);
        url.AbsolutePath.Should().MatchRegex("^/2010-04-01/Accounts/AC[0-9a-f]{32}/Recordings/RE[0-9a-f]{32}$");
        recorded["RecordingDuration"].Should().BeOneOf("3", "4");
        using var http = new HttpClient();
        using var response = await http.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.Should().Be("audio/wav");
        await using var wav = await WavAudioSource.OpenAsync(await response.Content.ReadAsStreamAsync(cancellationToken), "recording", cancellationToken);
        var samples = await AudioReading.ReadAllAsync(wav, cancellationToken);
        (samples.Length / 8000.0).Should().BeInRange(2.5, 4.0, "speech up to maxLength, silence trimmed");
        ToneAnalysis.Rms(samples).Should().BeGreaterThan(100, "the caller's speech is in the file");

        // Stopping flushes the call records: the call and its recording are in the records store.
        await engine.StopAsync();
        var (accountSid, callSid) = (recorded["AccountSid"]!, recorded["CallSid"]!);
        var call = await engine.Services.GetRequiredService<ICallRecordStore>().FindAsync(accountSid, callSid, cancellationToken);
        call.Should().NotBeNull(engine.Log);
        call!.Status.Should().Be(CallStatus.Completed);
        call.Direction.Should().Be(CallDirection.Inbound);
        call.Duration.Should().BeGreaterThanOrEqualTo(int.Parse(recorded["RecordingDuration"]!, CultureInfo.InvariantCulture));
        var recording = await engine.Services.GetRequiredService<IRecordingCatalog>().FindAsync(accountSid, recorded["RecordingSid"]!, cancellationToken);
        recording.Should().NotBeNull(engine.Log);
        recording!.CallSid.Should().Be(callSid);
        recording.Source.Should().Be(RecordingSources.RecordVerb);
        recording.Duration.ToString(CultureInfo.InvariantCulture).Should().Be(recorded["RecordingDuration"]);
        File.Exists(recording.FilePath).Should().BeTrue();
    }
}
