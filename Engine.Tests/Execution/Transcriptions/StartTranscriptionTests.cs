using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Execution;
using RcmlEngine.Media.Speech;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Execution.Transcriptions;

/// <summary><c>&lt;Start&gt;&lt;Transcription&gt;</c> through the interpreter on the virtual phone (which carries no audio).</summary>
[TestFixture]
public sealed class StartTranscriptionTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task StartTranscription_VirtualPhone_StartedThenStoppedWithoutContentAndAWarning(CancellationToken cancellationToken)
    {
        using var harness = Harness();

        await harness.RunDocumentAsync("""
            <Response>
              <Start><Transcription name="live" statusCallbackUrl="/transcription"/></Start>
              <Say>Hello</Say>
              <Stop><Transcription name="live"/></Stop>
            </Response>
            """, cancellationToken);

        var events = await EventsAsync(harness, 2, cancellationToken);
        events.Select(e => Value(e, "TranscriptionEvent")).Should().Equal("transcription-started", "transcription-stopped");
        events.Select(e => Value(e, "SequenceId")).Should().Equal("1", "2");
        events[0].Url.Should().Be(new Uri("http://app.test/transcription"));
        harness.Debugger.Notifications.Should().ContainSingle(n => n.ErrorCode == (int)ExecutionErrorCode.SpeechNotRecognized)
            .Which.Message.Should().Contain("hears silence");
        harness.Debugger.Codes.Should().NotContain((int)ExecutionErrorCode.VerbNotSupported);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StartTranscription_LanguageWithoutModel_TranscriptionErrorAndWarning(CancellationToken cancellationToken)
    {
        using var harness = Harness();

        await harness.RunDocumentAsync("""
            <Response><Start><Transcription languageCode="fr-FR" statusCallbackUrl="/transcription"/></Start></Response>
            """, cancellationToken);

        var error = (await EventsAsync(harness, 1, cancellationToken)).Should().ContainSingle().Subject;
        Value(error, "TranscriptionEvent").Should().Be("transcription-error");
        Value(error, "TranscriptionError").Should().Contain("fr-FR");
        harness.Debugger.Notifications.Should().ContainSingle().Which.Message.Should().Contain("languageCode \"fr-FR\"");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StopTranscription_NameNotRunning_Warning(CancellationToken cancellationToken)
    {
        using var harness = Harness();

        await harness.RunDocumentAsync("<Response><Stop><Transcription name=\"nope\"/></Stop></Response>", cancellationToken);

        harness.Debugger.Notifications.Should().ContainSingle().Which.Message.Should().Contain("no transcription of that name runs");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StartTranscription_CallEndsWithoutStop_StoppedIsSent(CancellationToken cancellationToken)
    {
        using var harness = Harness();

        await harness.RunDocumentAsync("""
            <Response><Start><Transcription statusCallbackUrl="/transcription"/></Start><Hangup/></Response>
            """, cancellationToken);

        var events = await EventsAsync(harness, 2, cancellationToken);
        Value(events[^1], "TranscriptionEvent").Should().Be("transcription-stopped", "the call's end stops a transcription");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StartTranscription_BothTracksWithPartialResults_WarnsThatOnlyTheCallerIsTranscribedOnceFinal(CancellationToken cancellationToken)
    {
        using var harness = Harness();

        await harness.RunDocumentAsync("""
            <Response><Start><Transcription track="both_tracks" partialResults="true" statusCallbackUrl="/transcription"/></Start></Response>
            """, cancellationToken);

        harness.Debugger.Notifications.Select(n => n.Message).Should().Contain(m => m.Contains("only the caller's audio (inbound_track)"))
            .And.Contain(m => m.Contains("partial results are not sent"));
        (await EventsAsync(harness, 2, cancellationToken))[0].Parameters.Should().Contain(new KeyValuePair<string, string>("PartialResults", "true"));
    }

    private static InterpreterHarness Harness() => new(extraServices: services =>
    {
        services.AddSingleton<ISpeechRecognizer>(new EnglishOnlyRecognizer());
        services.AddSingleton(new SpeechOptions { MaxConcurrent = 1 });
        services.AddSingleton<SpeechRecognitionQueue>();
    });

    // The transcription ends off the call's path: wait (bounded by the test's timeout) for its callbacks.
    private static async Task<IReadOnlyList<WebhookRequest>> EventsAsync(InterpreterHarness harness, int count, CancellationToken cancellationToken)
    {
        while (Transcription(harness).Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }

        return Transcription(harness);
    }

    private static List<WebhookRequest> Transcription(InterpreterHarness harness) =>
        [.. harness.Callbacks.Others.Where(r => r.Url.AbsolutePath == "/transcription")];

    private static string? Value(WebhookRequest request, string name) =>
        request.Parameters.FirstOrDefault(p => p.Key == name).Value;

    private sealed class EnglishOnlyRecognizer : ISpeechRecognizer
    {
        public bool Supports(string language) => language == "en-US";

        public Task<SpeechRecognition> RecognizeAsync(SpeechRecognitionRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(SpeechRecognition.Of("hello", 0.5));
    }
}
