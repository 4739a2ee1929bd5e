using RcmlEngine.Media.Recording;

namespace RcmlEngine.Media.Sessions;

/// <summary>Recording the caller.</summary>
internal sealed partial class RtpMediaSession
{
    /// <inheritdoc />
    public async Task<RecordingResult> RecordAsync(RecordOptions options, CancellationToken cancellationToken)
    {
        using var recorder = new CallRecorder(options, _time, _logger);
        _router.RecordTo(recorder);
        try
        {
            return await recorder.RunAsync(cancellationToken);
        }
        finally
        {
            _router.RecordTo(null);
        }
    }
}
