using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Media.Sessions;

/// <summary>Taking part in a conference mix.</summary>
internal sealed partial class RtpMediaSession : IMixOutput
{
    /// <inheritdoc />
    public async Task MixAsync(MixParticipant participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        await _outboundGate.WaitAsync(cancellationToken);
        try
        {
            // The mixer's frames go out as they are made (20 ms apart on the media clock), like a bridge's relay.
            _rtp.Outbound.Clear();
            _rtp.BeginRelay();
            _router.MixInto(participant.Input);
            participant.Connect(this);
            LogMixing(Id, participant.Name);
            var cancelled = Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
            await Task.WhenAny(Ended, cancelled);
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            participant.Disconnect();
            _router.MixInto(null);
            _rtp.EndRelay();
            _rtp.Outbound.Clear();
            _outboundGate.Release();
        }
    }

    /// <inheritdoc />
    void IMixOutput.Send(ReadOnlySpan<short> frame) => _rtp.Relay(frame, MediaAudio.SamplesOf(_rtpOptions.MaxRelayLatency));
}
