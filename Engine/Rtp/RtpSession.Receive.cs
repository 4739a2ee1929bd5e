using System.Net;
using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Rtp.Rtcp;

namespace RcmlEngine.Rtp;

/// <summary>The receive side of a session: RTP and RTCP loops, latching, reordering, decoding.</summary>
internal sealed partial class RtpSession
{
    /// <summary>How long packets are held for a missing one when no more packets come to push them out.</summary>
    public static readonly TimeSpan MaxReorderWait = TimeSpan.FromMilliseconds(80);

    // Gaps up to this many samples (lost packets) are filled with silence; longer ones are pauses.
    private const int MaxConcealedSamples = 960;
    private static readonly short[] Silence = new short[MaxConcealedSamples];

    private readonly RtpReceiveStatistics _statistics = new();
    private readonly Lock _statisticsLock = new();
    private readonly RtpReorderBuffer _reorder;
    private readonly Lock _receiveLock = new();
    private long _holdingSince;
    private readonly short[] _decoded;
    private readonly RtpSourceLatch _rtpSource;
    private readonly RtpSourceLatch _rtcpSource;
    private long _lastActivity;
    private long _packetsReceived;
    private long _packetsDropped;
    private long _rtcpReceived;
    private bool _remoteSaidBye;
    private bool _haveSource;
    private uint _sourceSsrc;
    private bool _haveAudioNext;
    private uint _audioNext;

    /// <inheritdoc />
    Socket IPolledReceiver.Socket => _sockets.Rtp;

    /// <inheritdoc />
    void IPolledReceiver.OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        Interlocked.Exchange(ref _receiving, 1);
        try
        {
            if (Volatile.Read(ref _state) == Started)
            {
                OnRtp(datagram, from);
            }
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    private async Task ReceiveRtcpAsync(CancellationToken cancellationToken)
    {
        // RTCP compounds are small (ours: 512 bytes at most); a larger one fails to arrive, harmlessly.
        var buffer = ArrayPool<byte>.Shared.Rent(RtcpBufferLength);
        var from = new SocketAddress(_sockets.Rtcp.AddressFamily);
        try
        {
            while (await ReceiveAsync(_sockets.Rtcp, buffer, from, cancellationToken) is var length && length >= 0)
            {
                OnRtcp(buffer.AsSpan(0, length), from);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Receives one datagram; -1 when the session is stopping or the socket failed for good.</summary>
    private async ValueTask<int> ReceiveAsync(Socket socket, byte[] buffer, SocketAddress from, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                return await socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, from, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
            catch (ObjectDisposedException)
            {
                return -1;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // An ICMP error for an earlier send, or an oversized datagram: neither ends the session.
            }
            catch (SocketException ex)
            {
                LogReceiveFailed(ex.SocketErrorCode);
                End(RtpEndReason.TransportError);
                return -1;
            }
        }

        return -1;
    }

    private void OnRtp(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        var config = _config;
        if (config is null || RtpHeader.LooksLikeRtcp(packet) || !RtpHeader.TryRead(packet, out var header))
        {
            Interlocked.Increment(ref _packetsDropped);
            return;
        }

        var isEvent = header.PayloadType == config.TelephoneEventPayloadType;
        var isAudio = !isEvent && (header.PayloadType == config.PayloadType || header.PayloadType is 0 or 8);
        var now = _time.GetTimestamp();
        if (!(isEvent || isAudio) || !AcceptSource(from))
        {
            Interlocked.Increment(ref _packetsDropped);
            return;
        }

        Volatile.Write(ref _lastActivity, now);
        Interlocked.Increment(ref _packetsReceived);
        lock (_statisticsLock)
        {
            _statistics.Update(header.Ssrc, header.SequenceNumber);
            _statistics.UpdateJitter(header.Timestamp, (uint)(now * 8000 / _time.TimestampFrequency));
        }

        lock (_receiveLock)
        {
            if (!_haveSource || header.Ssrc != _sourceSsrc)
            {
                _haveSource = true;
                _sourceSsrc = header.Ssrc;
                _haveAudioNext = false;
                _reorder.Reset();
            }

            if (_reorder.Add(header, packet.Slice(header.PayloadOffset, header.PayloadLength)))
            {
                Release(config, now, force: false);
            }
        }
    }

    /// <summary>On the pacer tick: a packet waited for longer than <see cref="MaxReorderWait"/> is given up on.</summary>
    private void ReleaseStale(RtpStreamConfig config, long now)
    {
        if (Volatile.Read(ref _holdingSince) == 0 || _time.GetElapsedTime(_holdingSince, now) < MaxReorderWait)
        {
            return;
        }

        lock (_receiveLock)
        {
            Release(config, now, force: true);
        }
    }

    private void Release(RtpStreamConfig config, long now, bool force)
    {
        while (_reorder.TryTake(out var next, out var payload, force))
        {
            Dispatch(config, next, payload);
        }

        // Held packets wait for a missing one; note since when, so a stalled stream still gets them out.
        Volatile.Write(ref _holdingSince, _reorder.Held == 0 ? 0 : _holdingSince == 0 ? now : _holdingSince);
    }

    private void Dispatch(RtpStreamConfig config, RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.PayloadType == config.TelephoneEventPayloadType)
        {
            _dtmfReceiver.OnPacket(header.Timestamp, payload);
            return;
        }

        var receiver = AudioReceiver;
        if (config.Receive && receiver is not null)
        {
            if (_haveAudioNext)
            {
                var gap = (int)(header.Timestamp - _audioNext);
                if (gap is > 0 and <= MaxConcealedSamples)
                {
                    receiver.OnAudio(Silence.AsSpan(0, gap));
                }
            }

            var codec = header.PayloadType switch
            {
                0 => G711Codec.Pcmu,
                8 => G711Codec.Pcma,
                _ => config.Codec,
            };
            var samples = _decoded.AsSpan(0, payload.Length);
            codec.Decode(payload, samples);
            receiver.OnAudio(samples);
        }

        _haveAudioNext = true;
        _audioNext = header.Timestamp + (uint)payload.Length;
    }

    /// <summary>Whether the packet's source may speak for the peer (<see cref="RtpSourceLatch"/>); logs a new target.</summary>
    private bool AcceptSource(SocketAddress from)
    {
        if (!_rtpSource.Accept(from, out var moved))
        {
            return false;
        }

        if (moved && _logger.IsEnabled(LogLevel.Information))
        {
            var signalled = ToEndPoint(_rtpSource.Signalled);
            var target = ToEndPoint(_rtpSource.Target);
            LogLatched(signalled, target);
        }

        return true;
    }

    private void OnRtcp(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        var summary = RtcpCompoundReader.Read(packet);
        if (!summary.Valid)
        {
            return;
        }

        // RTCP from a third party could fake a BYE or reports, and would draw ours: the same rule as RTP.
        if (!_rtcpSource.Accept(from, out _))
        {
            return;
        }

        Interlocked.Increment(ref _rtcpReceived);

        if (summary.SenderReportNtpMiddle is { } middle)
        {
            lock (_statisticsLock)
            {
                _statistics.OnSenderReport(middle, _time.GetTimestamp());
            }
        }

        if (summary.Bye && !_remoteSaidBye)
        {
            // A BYE only says the peer's source left; the call ends by SIP, so this is informational.
            _remoteSaidBye = true;
            LogRemoteBye(summary.SenderSsrc);
        }
    }
}
