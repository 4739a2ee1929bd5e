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

    /// <summary>
    /// Hands a copy of the received audio to <paramref name="tap"/> (a <see cref="PairRecorder"/>'s party),
    /// or stops with null. Not while <see cref="RecordAsync"/> runs: one recorder at a time.
    /// </summary>
    public void TapReceivedAudio(IAudioTap? tap) => _router.RecordTo(tap);

    /// <inheritdoc />
    public void ListenTo(IAudioTap? listener) => _router.ListenTo(listener);
}
