using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls.Sip;

/// <summary>A Dial recording over SIP legs: the legs' media sessions feed a <see cref="PairRecorder"/>.</summary>
internal sealed class SipCallRecording : ICallRecording
{
    private readonly PairRecorder _recorder;
    private readonly Task<RecordingResult> _run;
    private readonly SipCallLeg _first;
    private SipCallLeg? _second;
    private int _stopped;

    /// <summary>Starts recording <paramref name="first"/> (its media session must exist).</summary>
    public SipCallRecording(SipCallLeg first, PairRecorder recorder)
    {
        _first = first;
        _recorder = recorder;
        first.Media.TapReceivedAudio(recorder.First);
        _run = recorder.RunAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public void Join(IBridgeableCall second)
    {
        if (second is not SipCallLeg leg)
        {
            throw new ArgumentException("a SIP recording records SIP call legs", nameof(second));
        }

        _second = leg;
        leg.Media.TapReceivedAudio(_recorder.Second);
    }

    /// <inheritdoc />
    public async Task<RecordingResult> StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _first.Media.TapReceivedAudio(null);
            _second?.Media.TapReceivedAudio(null);
            _recorder.Stop();
        }

        return await _run;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _recorder.Dispose();
    }
}
