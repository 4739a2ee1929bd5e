using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Conferences;
using RcmlEngine.Execution.Conferencing;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution.Conferencing;

[TestFixture]
public sealed class RcmlAnnouncementAudioTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    [Test]
    [CancelAfter(10_000)]
    public async Task Open_Document_SayPauseAndPlayInOrder_OtherVerbsSkipped_RoomParametersSent(CancellationToken ct)
    {
        var fetcher = new FakeDocumentFetcher().Map("/announce", "<Response><Say>welcome</Say><Pause length=\"1\"/><Hangup/><Play loop=\"2\">/chime.wav</Play></Response>");
        var audio = new ToneAudioSourceFactory { SpeechLength = TimeSpan.FromSeconds(1) };
        var room = NewRoom();

        await using var source = await new RcmlAnnouncementAudio(fetcher, new RcmlParserDocumentReader(), audio)
            .OpenAsync(room, FakeDocumentFetcher.Url("/announce"), "GET", ct);
        var samples = await ReadAllAsync(source, ct);

        samples.Should().Be(4 * 8000, "1 s of speech, 1 s of pause, then the 1 s file twice");
        audio.Asked.Should().Equal("speak:welcome", "url:http://app.test/chime.wav", "url:http://app.test/chime.wav");
        var request = fetcher.RequestsTo("/announce").Single();
        request.Method.Should().Be(RcmlEngine.Webhooks.WebhookMethod.Get);
        request.Parameters.Should().Contain(new KeyValuePair<string, string>("ConferenceSid", room.Sid));
        request.Parameters.Should().Contain(new KeyValuePair<string, string>("FriendlyName", "room"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Open_NotADocument_PlayedAsAudio(CancellationToken ct)
    {
        var fetcher = new FakeDocumentFetcher().Fail("/tone.wav", RcmlEngine.Webhooks.WebhookErrorCode.HttpRetrievalFailure, 415);
        var audio = new ToneAudioSourceFactory();

        await using var source = await new RcmlAnnouncementAudio(fetcher, new RcmlParserDocumentReader(), audio)
            .OpenAsync(NewRoom(), FakeDocumentFetcher.Url("/tone.wav"), "POST", ct);

        (await ReadAllAsync(source, ct)).Should().Be(8000);
        audio.Asked.Should().Equal("url:http://app.test/tone.wav");
    }

    private static Conference NewRoom() =>
        new ConferenceRegistry(new ConferenceEventReporter(new RecordingCallbackDispatcher(), TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance)
            .GetOrCreate(AccountSid, "room");

    private static async Task<long> ReadAllAsync(RcmlEngine.Media.IAudioSource source, CancellationToken ct)
    {
        var buffer = new short[1600];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }

        return total;
    }
}
