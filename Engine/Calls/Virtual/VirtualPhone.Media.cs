using System.Globalization;
using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Virtual;

internal sealed partial class VirtualPhone
{
    /// <inheritdoc />
    public async Task<PlaybackResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool interruptOnDigit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ThrowUnlessAnswered(cancellationToken);
        using var operation = Link(cancellationToken);
        return await PlayAsync(prompts, interruptOnDigit, _time.GetUtcNow(), operation.Token);
    }

    /// <inheritdoc />
    public async Task<DigitCollection> CollectDigitsAsync(IReadOnlyList<Prompt> prompts, DigitCollectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowUnlessAnswered(cancellationToken);
        Digits.Clear();
        using var operation = Link(cancellationToken);
        var finish = options.FinishOnKey.Length == 0 ? "none" : options.FinishOnKey;
        var count = options.NumDigits?.ToString(CultureInfo.InvariantCulture) ?? "any";
        Record(VirtualPhoneEventKind.Listening,
            $"listening for keys (timeout {options.Timeout.TotalSeconds:0.#} s, finishOnKey {finish}, numDigits {count})");
        // Everything is scheduled from this instant, so a fake clock moved at any point gives the same result.
        var started = _time.GetUtcNow();
        using var input = CancellationTokenSource.CreateLinkedTokenSource(operation.Token);
        var feeding = FeedAsync(VirtualInput.Digits, started, input.Token);
        try
        {
            var playback = prompts.Count == 0
                ? PlaybackResult.Finished with { FinishedAt = started }
                : await PlayAsync(prompts, interruptOnDigit: true, started, operation.Token);
            var collected = await DigitCollector.CollectAsync(Digits, options, _time, playback.FinishedAt, operation.Token);
            return collected with { PromptFailures = playback.Failures };
        }
        finally
        {
            await input.CancelAsync();
            await feeding;
        }
    }

    private async Task<PlaybackResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool interruptOnDigit, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (!interruptOnDigit)
        {
            return await PlayAllAsync(prompts, start, cancellationToken);
        }

        var result = await InterruptiblePlayback.RunAsync(token => PlayAllAsync(prompts, start, token), Digits, cancellationToken);
        if (result.InterruptedBy is { } key)
        {
            Record(VirtualPhoneEventKind.Interrupted, $"playback interrupted by {key}", key: key);
        }

        return result;
    }

    // Prompts end on a schedule from start (not from when each await resumes).
    private async Task<PlaybackResult> PlayAllAsync(IReadOnlyList<Prompt> prompts, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var deadline = start;
        foreach (var prompt in prompts)
        {
            if (prompt is RingbackPrompt or HoldMusicPrompt)
            {
                // Rings until the playback is stopped (the dialed party answers, or nobody does).
                Record(VirtualPhoneEventKind.Heard, Describe(prompt), prompt);
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
            }

            var length = LengthOf(prompt);
            for (var round = 1; prompt.Loop == 0 || round <= prompt.Loop; round++)
            {
                Record(VirtualPhoneEventKind.Heard, Describe(prompt), prompt);
                deadline += length;
                await DelayUntilAsync(deadline, cancellationToken);
                if (prompt.Loop == 0 && length == TimeSpan.Zero)
                {
                    // An instant prompt repeated forever would spin: hear it once, then wait for the end.
                    await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
                }
            }
        }

        return PlaybackResult.Finished with { FinishedAt = deadline };
    }

    private TimeSpan LengthOf(Prompt prompt) => prompt switch
    {
        SpeechPrompt speech => _options.SpeechPerWord * Math.Max(1, speech.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length),
        AudioPrompt => _options.AudioLength,
        SilencePrompt silence => _options.SkipSilence ? TimeSpan.Zero : silence.Length,
        BeepPrompt => _options.BeepLength,
        DigitsPrompt digits => DtmfSequence.Steps(digits.Digits).Aggregate(TimeSpan.Zero,
            (total, step) => total + (step.Key == '\0' ? step.Wait : _options.DigitLength)),
        _ => TimeSpan.Zero,
    };

    private static string Describe(Prompt prompt) => prompt switch
    {
        SpeechPrompt speech => $"Say ({speech.Voice}, {speech.Language}): {speech.Text}",
        AudioPrompt audio => $"Play {audio.Url}",
        SilencePrompt silence => $"Pause {silence.Length.TotalSeconds:0.#} s",
        BeepPrompt => "Beep",
        RingbackPrompt ringback => $"Ringback ({ringback.Country ?? "us"})",
        HoldMusicPrompt => "Hold music",
        DigitsPrompt digits => "DTMF " + string.Join(' ', DtmfSequence.Steps(digits.Digits)
            .Select(step => step.Key == '\0' ? $"({step.Wait.TotalSeconds:0.#} s)" : step.Key.ToString())),
        _ => prompt.GetType().Name,
    };
}
