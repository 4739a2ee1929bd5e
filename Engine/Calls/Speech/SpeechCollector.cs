using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Media.Speech;

namespace RcmlEngine.Calls.Speech;

/// <summary>
/// Twilio's Gather rules for speech over an <see cref="UtteranceDetector"/> fed with the caller's audio:
/// barge-in (speech, or a key when keys are wanted, stops the prompts), then the first input to start
/// wins: an utterance, kept until it ends, or keys, collected by <see cref="DigitCollector"/>.
/// </summary>
internal static class SpeechCollector
{
    // Audio that stops arriving mid-utterance (the far end went on hold) must not hold the Gather forever.
    private static readonly TimeSpan UtteranceGrace = TimeSpan.FromSeconds(5);

    /// <summary>Plays, listens and collects on <paramref name="call"/>, whose received audio goes to <paramref name="detector"/>.</summary>
    public static async Task<SpeechInput> PlayAndListenAsync(
        ICall call,
        UtteranceDetector detector,
        IReadOnlyList<Prompt> prompts,
        SpeechInputOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(options);
        var playback = await PlayUntilBargeInAsync(call, detector, prompts, options.Digits is not null, time, cancellationToken);
        var failures = playback.Failures;
        if (playback.InterruptedBy is null && !detector.SpeechStarted.IsCompleted)
        {
            await WaitForInputAsync(call, detector, options, time, playback.FinishedAt ?? time.GetUtcNow(), cancellationToken);
        }

        if (detector.SpeechStarted.IsCompleted)
        {
            var utterance = await WaitForUtteranceAsync(detector, time, cancellationToken);
            return new SpeechInput { Utterance = utterance, PromptFailures = failures };
        }

        if (options.Digits is { } digits && call.Digits.TryPeek(out _))
        {
            var collected = await DigitCollector.CollectAsync(call.Digits, digits, time, null, cancellationToken);
            return new SpeechInput { Digits = collected, PromptFailures = failures };
        }

        return SpeechInput.Nothing with { PromptFailures = failures };
    }

    private static async Task<PlaybackResult> PlayUntilBargeInAsync(
        ICall call, UtteranceDetector detector, IReadOnlyList<Prompt> prompts, bool keys, TimeProvider time, CancellationToken cancellationToken)
    {
        if (prompts.Count == 0)
        {
            return PlaybackResult.Finished with { FinishedAt = time.GetUtcNow() };
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var playing = call.PlayAsync(prompts, interruptOnDigit: keys, stop.Token);
        if (await Task.WhenAny(playing, detector.SpeechStarted) == playing)
        {
            return await playing;
        }

        // The caller started talking over the prompt: it stops, as for a key.
        await stop.CancelAsync();
        try
        {
            return await playing;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PlaybackResult.Finished with { FinishedAt = time.GetUtcNow() };
        }
    }

    private static async Task WaitForInputAsync(
        ICall call, UtteranceDetector detector, SpeechInputOptions options, TimeProvider time, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var left = since + options.Timeout - time.GetUtcNow();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = new List<Task> { detector.SpeechStarted, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, wait.Token) };
        if (options.Digits is not null)
        {
            waiting.Add(call.Digits.PeekAsync(wait.Token));
        }

        await Task.WhenAny(waiting);
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var task in waiting)
        {
            // Observe the cancelled delay and peek.
            await task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static async Task<short[]> WaitForUtteranceAsync(UtteranceDetector detector, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await detector.Utterance.WaitAsync(detector.MaxLength + UtteranceGrace, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return detector.Finish();
        }
    }
}
