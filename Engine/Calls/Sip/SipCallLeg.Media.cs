using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Media;

namespace RcmlEngine.Calls.Sip;

/// <summary>Prompts and Gather: audio through the media session, keys through the call's buffer.</summary>
internal abstract partial class SipCallLeg
{
    /// <summary>How long each key of a <see cref="DigitsPrompt"/> is sent for (Q.24 asks for at least 40 ms).</summary>
    internal static readonly TimeSpan SentDigitLength = TimeSpan.FromMilliseconds(100);

    // A round of a prompt repeated until the call ends (loop 0) shorter than this had nothing to play.
    private static readonly TimeSpan MinimumLoopRound = TimeSpan.FromMilliseconds(1);

    /// <inheritdoc />
    public async Task<PlaybackResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool interruptOnDigit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ThrowUnlessAnswered(cancellationToken);
        using var operation = Link(cancellationToken);
        return interruptOnDigit
            ? await InterruptiblePlayback.RunAsync(token => PlayAllAsync(prompts, token), Digits, operation.Token)
            : await PlayAllAsync(prompts, operation.Token);
    }

    /// <inheritdoc />
    public async Task<DigitCollection> CollectDigitsAsync(IReadOnlyList<Prompt> prompts, DigitCollectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowUnlessAnswered(cancellationToken);
        Digits.Clear();
        using var operation = Link(cancellationToken);
        return await DigitCollector.PlayAndCollectAsync(this, prompts, options, _time, operation.Token);
    }

    private async Task<PlaybackResult> PlayAllAsync(IReadOnlyList<Prompt> prompts, CancellationToken cancellationToken)
    {
        List<PromptFailure>? failures = null;
        foreach (var prompt in prompts)
        {
            for (var round = 1; prompt.Loop == 0 || round <= prompt.Loop; round++)
            {
                var started = _time.GetTimestamp();
                if (await PlayOnceAsync(prompt, cancellationToken) is { } failure)
                {
                    (failures ??= []).Add(failure);
                    break;
                }

                if (prompt.Loop == 0 && _time.GetElapsedTime(started) < MinimumLoopRound)
                {
                    // Nothing to hear, repeated until the call ends, would spin: wait for the end instead.
                    await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
                }
            }
        }

        return PlaybackResult.Finished with { FinishedAt = _time.GetUtcNow(), Failures = failures ?? [] };
    }

    private async Task<PromptFailure?> PlayOnceAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        if (prompt is DigitsPrompt digits)
        {
            await SendDigitsAsync(digits.Digits, cancellationToken);
            return null;
        }

        try
        {
            await using var source = await PromptAudio.OpenAsync(prompt, Context.Audio, cancellationToken);
            await Media.PlayAsync(source, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is MediaException or IOException)
        {
            var code = PromptAudio.ErrorCodeOf(prompt);
            LogPromptFailed(Info.CallSid, code, exception.Message);
            return new PromptFailure(prompt, code, exception.Message);
        }
    }

    // RFC 4733 events (in band without telephone-event), w and W waiting between them.
    private async Task SendDigitsAsync(string digits, CancellationToken cancellationToken)
    {
        foreach (var (key, wait) in DtmfSequence.Steps(digits))
        {
            if (key == '\0')
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
            else
            {
                await Media.SendDigitAsync(key, SentDigitLength, cancellationToken);
            }
        }
    }
}
