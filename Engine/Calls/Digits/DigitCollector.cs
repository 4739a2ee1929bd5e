using System.Text;
using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Digits;

/// <summary>
/// Twilio's Gather rules over a <see cref="DigitBuffer"/>, shared by every <see cref="ICall"/>
/// implementation: play the prompts until the first key, then collect until a finish key, the digit
/// count, or <see cref="DigitCollectOptions.Timeout"/> of silence (restarted after each key).
/// </summary>
internal static class DigitCollector
{
    /// <summary>
    /// Plays <paramref name="prompts"/> on <paramref name="call"/>, interrupted by the first key (which
    /// counts as input), then collects per <paramref name="options"/>. Does not clear the buffer first:
    /// <see cref="ICall.CollectDigitsAsync"/> implementations do.
    /// </summary>
    public static async Task<DigitCollection> PlayAndCollectAsync(
        ICall call,
        IReadOnlyList<Prompt> prompts,
        DigitCollectOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(prompts);
        var playback = prompts.Count == 0
            ? PlaybackResult.Finished
            : await call.PlayAsync(prompts, interruptOnDigit: true, cancellationToken);
        var collection = await CollectAsync(call.Digits, options, time, playback.FinishedAt, cancellationToken);
        return collection with { PromptFailures = playback.Failures };
    }

    /// <summary>
    /// Collects keys from <paramref name="digits"/> per <paramref name="options"/> (no prompts). Silence is
    /// counted from <paramref name="since"/> (the end of the prompts; null for now), then from each key's arrival.
    /// </summary>
    public static async Task<DigitCollection> CollectAsync(
        DigitBuffer digits,
        DigitCollectOptions options,
        TimeProvider time,
        DateTimeOffset? since,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(options);
        var collected = new StringBuilder();

        // Silence is counted from the start, then from each key's arrival (not from when it is read).
        var lastInput = since ?? time.GetUtcNow();
        while (true)
        {
            if (!digits.TryRead(out KeyPress press))
            {
                var left = lastInput + options.Timeout - time.GetUtcNow();
                using var silence = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
                try
                {
                    press = await digits.ReadAsync(linked.Token);
                }
                catch (OperationCanceledException) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    return new DigitCollection(collected.ToString(), DigitCollectionEnd.Timeout);
                }
            }

            var key = press.Key;
            lastInput = press.At > lastInput ? press.At : lastInput;

            if (options.FinishOnKey.Contains(key, StringComparison.Ordinal))
            {
                return new DigitCollection(collected.ToString(), DigitCollectionEnd.FinishKey, key);
            }

            collected.Append(key);
            if (options.NumDigits is { } count && collected.Length >= count)
            {
                return new DigitCollection(collected.ToString(), DigitCollectionEnd.NumDigits);
            }
        }
    }
}
