using System.Net;
using System.Net.Sockets;
using RcmlEngine.Rtp.Dtmf;
using RcmlEngine.Rtp.Rtcp;

namespace RcmlEngine.Rtp;

/// <summary>The pacer side of a session: one packet per tick, RTCP reports, inactivity.</summary>
internal sealed partial class RtpSession
{
    private const int RtcpBufferLength = 512;

    // Written under _sendLock, by the pacer thread or a relay (RtpSession.Relay.cs): the packet buffer,
    // sequence number, timestamp and marker state.
    private readonly byte[] _packet;
    private readonly byte[] _rtcpPacket;
    private ushort _sequence;
    private uint _timestamp;
    private bool _markNext = true;
    private bool _sentSinceReport;
    private bool _sendFailureLogged;
    private long _nextRtcp;
    private long _packetsSent;
    private long _octetsSent;
    private long _rtcpSent;
    private long _expectingSince;

    /// <inheritdoc />
    public void OnTick(long tick, long deadline, int missedTicks)
    {
        Interlocked.Exchange(ref _ticking, 1);
        try
        {
            if (Volatile.Read(ref _state) != Started)
            {
                return;
            }

            var now = _time.GetTimestamp();
            var config = _config;
            _dtmfReceiver.OnTick();
            CheckInactivity(config, now);
            if (config is null)
            {
                return;
            }

            ReleaseStale(config, now);
            var samples = config.SamplesPerPacket;
            lock (_sendLock)
            {
                if (!RelayedOnly(now))
                {
                    if (missedTicks > 0)
                    {
                        // The packets the stall swallowed are a gap in time, but their audio is still sent:
                        // a prompt arrives a little late rather than with words missing.
                        _timestamp += (uint)(missedTicks * samples);
                    }

                    SendPacket(config, samples);
                    _timestamp += (uint)samples;
                }
            }

            if (now >= _nextRtcp)
            {
                _nextRtcp = now + RtcpDelay();
                SendReport(config, now);
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void SendPacket(RtpStreamConfig config, int samples)
    {
        Span<short> frame = stackalloc short[samples];
        Outbound.ReadFrame(frame);
        var packet = _packet.AsSpan();
        var wroteEvent = false;
        var wroteTones = false;
        var eventMarker = false;
        uint eventTimestamp = 0;
        if (config.TelephoneEventPayloadType is { } eventType)
        {
            wroteEvent = _dtmfSender.TryWriteEvent(_timestamp, samples, packet[RtpHeader.FixedLength..], out eventTimestamp, out eventMarker);
            if (wroteEvent)
            {
                RtpHeader.Write(packet, eventMarker, eventType, _sequence, eventTimestamp, Ssrc);
            }
        }
        else
        {
            wroteTones = _dtmfSender.TryWriteTones(_timestamp, frame);
        }

        if (!wroteEvent && !wroteTones)
        {
            _dtmfSender.OnIdle(samples);
        }

        SentAudio?.OnAudio(frame);
        var length = RtpHeader.FixedLength + DtmfEventPayload.Length;
        if (!wroteEvent)
        {
            RtpHeader.Write(packet, _markNext, config.PayloadType, _sequence, _timestamp, Ssrc);
            config.Codec.Encode(frame, packet.Slice(RtpHeader.FixedLength, samples));
            length = RtpHeader.FixedLength + samples;
        }

        Transmit(config, packet[..length], length - RtpHeader.FixedLength);
    }

    // Sends one RTP packet to the latched or signalled target (the send lock is held).
    private void Transmit(RtpStreamConfig config, ReadOnlySpan<byte> packet, int payloadLength)
    {
        var target = _rtpSource.Target;
        if (!config.Send || target is null)
        {
            // RFC 3551 4.1: the first packet after a pause in sending starts a talkspurt (marker bit).
            _markNext = true;
            return;
        }

        if (Send(_sockets.Rtp, packet, target))
        {
            _sequence++;
            _markNext = false;
            _sentSinceReport = true;
            Interlocked.Increment(ref _packetsSent);
            Interlocked.Add(ref _octetsSent, payloadLength);
        }
    }

    private void SendReport(RtpStreamConfig config, long now)
    {
        var target = _rtcpSource.Target;
        if (target is null)
        {
            return;
        }

        var length = WriteReport(_rtcpPacket, config, now);
        if (Send(_sockets.Rtcp, _rtcpPacket.AsSpan(0, length), target))
        {
            Interlocked.Increment(ref _rtcpSent);
        }
    }

    /// <summary>A compound packet (RFC 3550 6.1): SR when RTP went out since the last report, else RR; then SDES CNAME.</summary>
    private int WriteReport(Span<byte> buffer, RtpStreamConfig config, long now)
    {
        int length;
        lock (_statisticsLock)
        {
            var about = _statistics.Received > 0 ? _statistics : null;
            var frequency = _time.TimestampFrequency;
            length = _sentSinceReport && config.Send
                ? RtcpPacket.WriteSenderReport(buffer, Ssrc, NtpTimestamp.From(_time.GetUtcNow()), _timestamp,
                    (uint)Interlocked.Read(ref _packetsSent), (uint)Interlocked.Read(ref _octetsSent), about, now, frequency)
                : RtcpPacket.WriteReceiverReport(buffer, Ssrc, about, now, frequency);
        }

        _sentSinceReport = false;
        return length + RtcpPacket.WriteSourceDescription(buffer[length..], Ssrc, _cname);
    }

    /// <summary>Sends a last report with BYE (RFC 3550 6.6), from the stopping thread once the pacer let go.</summary>
    private void SendBye()
    {
        var config = _config;
        var target = _rtcpSource.Target;
        if (config is null || target is null)
        {
            return;
        }

        var buffer = _rtcpPacket.AsSpan();
        var length = WriteReport(buffer, config, _time.GetTimestamp());
        length += RtcpPacket.WriteBye(buffer[length..], Ssrc);
        if (Send(_sockets.Rtcp, buffer[..length], target))
        {
            Interlocked.Increment(ref _rtcpSent);
        }
    }

    private bool Send(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress target)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, target);
            return true;
        }
        catch (SocketException ex)
        {
            if (!_sendFailureLogged)
            {
                _sendFailureLogged = true;
                LogSendFailed(ex.SocketErrorCode, ToEndPoint(target));
            }

            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private void CheckInactivity(RtpStreamConfig? config, long now)
    {
        var timeout = _options.InactivityTimeout;
        if (!WatchesInactivity(config) || timeout <= TimeSpan.Zero || _ended.Task.IsCompleted)
        {
            return;
        }

        var since = Math.Max(Volatile.Read(ref _lastActivity), Volatile.Read(ref _expectingSince));
        if (_time.GetElapsedTime(since, now) >= timeout)
        {
            End(RtpEndReason.InactivityTimeout);
        }
    }

    /// <summary>
    /// Silence ends the session only while media flows both ways. On hold (this side recvonly, sendonly or
    /// inactive) the holding phone may send nothing at all (RFC 3264 8.4 lets a sendonly holder stay silent,
    /// and many phones do), and a hold may last far longer than the timeout.
    /// </summary>
    private static bool WatchesInactivity(RtpStreamConfig? config) => config is { Receive: true, Send: true };

    private long RtcpDelay() =>
        (long)(RtcpInterval.TotalSeconds * (0.5 + Random.Shared.NextDouble()) * _time.TimestampFrequency);
}
