using RcmlEngine.Media.Streaming;

namespace RcmlEngine.Media.Sessions;

/// <summary>Media streams: copies of both directions' audio and the keys, and live audio from a stream's server.</summary>
internal sealed partial class RtpMediaSession
{
    private readonly MediaStreamTaps _streams = new();

    /// <inheritdoc />
    public void AddStreamTap(IMediaStreamTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        _streams.Add(tap);
        _router.StreamTo(_streams);
        _rtp.SentAudio = _streams;
    }

    /// <inheritdoc />
    public void RemoveStreamTap(IMediaStreamTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        if (_streams.Remove(tap) && _streams.IsEmpty)
        {
            _router.StreamTo(null);
            _rtp.SentAudio = null;
        }
    }

    /// <inheritdoc />
    public async Task PlayLiveAsync(LiveAudioQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        await _outboundGate.WaitAsync(cancellationToken);
        var outbound = _rtp.Outbound;
        try
        {
            outbound.Clear();
            await queue.PumpAsync(outbound, cancellationToken);
        }
        finally
        {
            outbound.Clear();
            _outboundGate.Release();
        }
    }
}
