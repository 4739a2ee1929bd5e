using RcmlEngine.Media.Recording;

namespace RcmlEngine.Media.Sessions;

/// <summary>Recording the caller.</summary>
internal sealed partial class RtpMediaSession
{
    /// <inheritdoc />
    public async Task<RecordingResult> RecordAsync(RecordOptions options, CancellationToken cancellationToken)
    {
        using var recorder = new CallRecorder(options, _time, _logger);
        using var keys = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _router.RecordTo(recorder);
        var watch = WatchFinishKeysAsync(recorder, options.FinishOnKeys, keys.Token);
        try
        {
            return await recorder.RunAsync(cancellationToken);
        }
        finally
        {
            _router.RecordTo(null);
            await keys.CancelAsync();
            await watch;
        }
    }

    private async Task WatchFinishKeysAsync(CallRecorder recorder, string finishOnKeys, CancellationToken cancellationToken)
    {
        if (finishOnKeys.Length == 0)
        {
            return;
        }

        try
        {
            while (true)
            {
                // Keys that do not finish the recording are consumed and ignored, as Record does.
                var digit = await _digits.Reader.ReadAsync(cancellationToken);
                if (finishOnKeys.Contains(digit.Digit, StringComparison.Ordinal))
                {
                    recorder.Stop(RecordingEnd.Key, digit.Digit);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The recording ended some other way.
        }
    }
}
