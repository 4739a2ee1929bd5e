namespace RcmlEngine.Rtp;

/// <summary>
/// Relayed audio (a bridge): each received packet goes out at once from the receive loop, re-encoded
/// in this stream's codec, instead of waiting in <see cref="Outbound"/> for the next pacer tick. The
/// pacer then sends only what cannot go directly: RFC 4733 events being sent (audio relayed meanwhile
/// waits in <see cref="Outbound"/> and is dropped once the event is over), and audio whose frames are
/// not one packet of this stream (another packet time), which keeps the paced path; and silence once the
/// source has been quiet for <see cref="RelayFillAfter"/>.
/// </summary>
internal sealed partial class RtpSession
{
    // Orders the pacer's sends and the relay's: both write the packet buffer, sequence and timestamp.
    private readonly Lock _sendLock = new();
    private volatile bool _relaying;
    private long _lastRelayed;

    /// <summary>
    /// How long the relayed source may be silent (hold, silence suppression, a pause in a pcap) before the
    /// pacer fills in with silence, so the far end keeps receiving a stream (its own inactivity timer).
    /// </summary>
    public static readonly TimeSpan RelayFillAfter = TimeSpan.FromMilliseconds(60);

    /// <summary>Starts sending relayed audio (<see cref="Relay"/>) as it arrives.</summary>
    public void BeginRelay()
    {
        lock (_sendLock)
        {
            _relaying = true;
            _markNext = true;
        }
    }

    /// <summary>Back to paced sending (playback); the next packet starts a talkspurt.</summary>
    public void EndRelay()
    {
        lock (_sendLock)
        {
            _relaying = false;
            _markNext = true;
        }
    }

    /// <summary>
    /// Sends relayed audio: at once, one packet per <see cref="RtpStreamConfig.SamplesPerPacket"/> samples,
    /// when relaying; otherwise (or for a frame of another size, or while a digit is sent) through
    /// <see cref="Outbound"/>, keeping at most <paramref name="maxBuffered"/> samples there.
    /// </summary>
    public void Relay(ReadOnlySpan<short> samples, int maxBuffered)
    {
        var config = _config;
        var perPacket = config?.SamplesPerPacket ?? 0;
        if (Volatile.Read(ref _state) == Stopped)
        {
            return;
        }

        if (!_relaying || config is null || perPacket == 0 || samples.Length % perPacket != 0 || Volatile.Read(ref _state) != Started)
        {
            Outbound.WriteLive(samples, maxBuffered);
            return;
        }

        lock (_sendLock)
        {
            if (!_relaying || _dtmfSender.Busy)
            {
                Outbound.WriteLive(samples, maxBuffered);
                return;
            }

            // What waited while a digit went out is stale now: the live audio goes first.
            if (Outbound.Buffered > 0)
            {
                Outbound.Clear();
            }

            Volatile.Write(ref _lastRelayed, _time.GetTimestamp());
            for (var offset = 0; offset < samples.Length; offset += perPacket)
            {
                SendAudio(config, samples.Slice(offset, perPacket));
                _timestamp += (uint)perPacket;
            }
        }
    }

    // One audio packet now (the send lock is held).
    private void SendAudio(RtpStreamConfig config, ReadOnlySpan<short> frame)
    {
        var packet = _packet.AsSpan();
        SentAudio?.OnAudio(frame);
        RtpHeader.Write(packet, _markNext, config.PayloadType, _sequence, _timestamp, Ssrc);
        config.Codec.Encode(frame, packet.Slice(RtpHeader.FixedLength, frame.Length));
        Transmit(config, packet[..(RtpHeader.FixedLength + frame.Length)], frame.Length);
    }

    // True when the pacer has nothing to send this tick: relayed audio goes out as it arrives.
    private bool RelayedOnly(long now) => _relaying && !_dtmfSender.Busy && Outbound.Buffered == 0 &&
        _time.GetElapsedTime(Volatile.Read(ref _lastRelayed), now) < RelayFillAfter;
}
