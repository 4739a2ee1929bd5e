namespace RcmlEngine.Media.Sessions;

/// <summary>Bridging two sessions.</summary>
internal sealed partial class RtpMediaSession
{
    /// <inheritdoc />
    public async Task BridgeAsync(IMediaSession other, CancellationToken cancellationToken)
    {
        if (other is not RtpMediaSession peer || ReferenceEquals(peer, this))
        {
            throw new ArgumentException("a session bridges only with another RTP media session", nameof(other));
        }

        // Both sessions' outgoing audio is taken, always in the same order, so two bridges cannot deadlock.
        var (first, second) = Id < peer.Id ? (this, peer) : (peer, this);
        await first._outboundGate.WaitAsync(cancellationToken);
        try
        {
            await second._outboundGate.WaitAsync(cancellationToken);
            try
            {
                Connect(peer);
                var cancelled = Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
                await Task.WhenAny(Ended, peer.Ended, cancelled);
                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                Disconnect(peer);
                second._outboundGate.Release();
            }
        }
        finally
        {
            first._outboundGate.Release();
        }
    }

    private void Connect(RtpMediaSession peer)
    {
        var latency = MediaAudio.SamplesOf(_rtpOptions.MaxRelayLatency);
        _rtp.Outbound.Clear();
        peer._rtp.Outbound.Clear();
        _rtp.BeginRelay();
        peer._rtp.BeginRelay();
        _router.RelayTo(peer._rtp, latency);
        peer._router.RelayTo(_rtp, latency);
        _bridgedTo = peer;
        peer._bridgedTo = this;
        LogBridged(Id, peer.Id);
    }

    private void Disconnect(RtpMediaSession peer)
    {
        _router.RelayTo(null, 0);
        peer._router.RelayTo(null, 0);
        _rtp.EndRelay();
        peer._rtp.EndRelay();
        _bridgedTo = null;
        peer._bridgedTo = null;
        _rtp.Outbound.Clear();
        peer._rtp.Outbound.Clear();
        LogUnbridged(Id, peer.Id);
    }
}
