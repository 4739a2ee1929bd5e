using RcmlEngine.Calls.Digits;

namespace RcmlEngine.Calls.Prompts;

/// <summary>
/// Stops a playback at the first key the caller presses, leaving that key unread (it is the first digit
/// of the input). Shared by <see cref="ICall.PlayAsync"/> implementations.
/// </summary>
internal static class InterruptiblePlayback
{
    /// <summary>
    /// Runs <paramref name="play"/> (which must stop with <see cref="OperationCanceledException"/> when its
    /// token is cancelled) until it finishes or a key is in <paramref name="digits"/>.
    /// </summary>
    public static async Task<PlaybackResult> RunAsync(
        Func<CancellationToken, Task<PlaybackResult>> play,
        DigitBuffer digits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(digits);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var playing = play(stop.Token);
        var pressed = digits.PeekAsync(stop.Token);
        var first = await Task.WhenAny(playing, pressed);
        await stop.CancelAsync();
        if (first == pressed && pressed.IsCompletedSuccessfully)
        {
            var key = pressed.Result;
            try
            {
                var partial = await playing;
                return partial with { InterruptedBy = key };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new PlaybackResult(key);
            }
        }

        try
        {
            await pressed;
        }
        catch (OperationCanceledException)
        {
            // The peek is stopped with the playback; nothing was pressed.
        }

        return await playing;
    }
}
