using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media.Speech;

namespace RcmlEngine.Tests.Media.Speech;

[TestFixture]
public sealed class SpeechRecognitionQueueTests
{
    private static readonly SpeechRecognitionRequest Request = new(new short[8000], "en-US", []);

    [Test]
    [CancelAfter(10_000)]
    public async Task RecognizeAsync_QueueFull_RejectedAtOnceWithoutWaiting(CancellationToken cancellationToken)
    {
        var recognizer = new HeldRecognizer();
        using var queue = new SpeechRecognitionQueue(recognizer, new SpeechOptions { MaxConcurrent = 1, QueueCapacity = 1 },
            NullLogger<SpeechRecognitionQueue>.Instance);

        var running = queue.RecognizeAsync(Request, cancellationToken);
        await recognizer.Started.Task.WaitAsync(cancellationToken);
        var waiting = queue.RecognizeAsync(Request, cancellationToken);
        var rejected = queue.RecognizeAsync(Request, cancellationToken);

        rejected.IsCompleted.Should().BeTrue("a full queue answers at once, it never blocks the caller");
        (await rejected).Status.Should().Be(SpeechRecognitionStatus.Rejected);
        (await rejected).Problem.Should().Contain("busy");
        recognizer.Release.SetResult();
        (await running).Text.Should().Be("billing");
        (await waiting).Text.Should().Be("billing");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RecognizeAsync_RecognizerThrows_FailedResultAndWorkerGoesOn(CancellationToken cancellationToken)
    {
        using var queue = new SpeechRecognitionQueue(new ThrowingRecognizer(), new SpeechOptions { MaxConcurrent = 1 },
            NullLogger<SpeechRecognitionQueue>.Instance);

        var first = await queue.RecognizeAsync(Request, cancellationToken);
        var second = await queue.RecognizeAsync(Request, cancellationToken);

        first.Status.Should().Be(SpeechRecognitionStatus.Failed);
        first.Problem.Should().Be("broken model");
        second.Status.Should().Be(SpeechRecognitionStatus.Failed, "the worker survived the first failure");
    }

    private sealed class HeldRecognizer : ISpeechRecognizer
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Supports(string language) => true;

        public async Task<SpeechRecognition> RecognizeAsync(SpeechRecognitionRequest request, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return SpeechRecognition.Of("billing", 1);
        }
    }

    private sealed class ThrowingRecognizer : ISpeechRecognizer
    {
        public bool Supports(string language) => true;

        public Task<SpeechRecognition> RecognizeAsync(SpeechRecognitionRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("broken model");
    }
}
