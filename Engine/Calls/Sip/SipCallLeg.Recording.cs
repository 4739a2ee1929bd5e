using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls.Sip;

/// <summary>Record: the beep, the media session's recorder, and the finish keys from the call's buffer.</summary>
internal abstract partial class SipCallLeg
{
    /// <inheritdoc />
    public async Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowUnlessAnswered(cancellationToken);
        Digits.Clear();
        using var operation = Link(cancellationToken);
        try
        {
            if (request.PlayBeep)
            {
                await PlayAllAsync([new BeepPrompt()], operation.Token);
            }

            return await RecordUntilKeyAsync(request, operation.Token);
        }
        catch (OperationCanceledException) when (Lifecycle.IsEnded && !cancellationToken.IsCancellationRequested)
        {
            // The call ended during the beep: nothing was recorded.
            return new RecordingResult(request.FilePath, TimeSpan.Zero, RecordingEnd.Hangup);
        }
    }

    private async Task<RecordingResult> RecordUntilKeyAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        var options = new RecordOptions
        {
            FilePath = request.FilePath,
            SilenceTimeout = request.SilenceTimeout,
            MaxLength = request.MaxLength,
            TrimSilence = request.TrimSilence,
            StopCause = new RecordingStopCause(),
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchFinishKeyAsync(request.FinishOnKey, options.StopCause, stop);
        RecordingResult result;
        try
        {
            // Cancelled (a finish key, the call's end), the recorder still finishes and returns the file.
            result = await Media.RecordAsync(options, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
        }

        if (await watch is { } key)
        {
            return result with { EndedBy = RecordingEnd.FinishKey, FinishKey = key };
        }

        if (result.EndedBy == RecordingEnd.Hangup && !Lifecycle.IsEnded)
        {
            // Only the caller's token was cancelled: the contract is to throw, not to return.
            cancellationToken.ThrowIfCancellationRequested();
        }

        return result;
    }

    // Keys that do not finish the recording are read and dropped, as Twilio's Record does.
    private async Task<char?> WatchFinishKeyAsync(string finishOnKey, RecordingStopCause cause, CancellationTokenSource stop)
    {
        if (finishOnKey.Length == 0)
        {
            return null;
        }

        try
        {
            while (true)
            {
                var press = await Digits.ReadAsync(stop.Token);
                if (finishOnKey.Contains(press.Key, StringComparison.Ordinal))
                {
                    cause.Set(RecordingEnd.FinishKey, press.Key);
                    await stop.CancelAsync();
                    return press.Key;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
