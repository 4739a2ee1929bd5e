using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Rtp;

internal sealed partial class RtpSession
{
    [LoggerMessage(EventId = LogEventRange.Rtp + 10, Level = LogLevel.Debug,
        Message = "RTP configured: {Codec} as payload type {PayloadType}, {PacketTimeMs} ms, send {Send}, receive {Receive}, remote {Remote}")]
    private partial void LogConfigured(string codec, byte payloadType, int packetTimeMs, bool send, bool receive, IPEndPoint? remote);

    [LoggerMessage(EventId = LogEventRange.Rtp + 11, Level = LogLevel.Information,
        Message = "RTP latched to the peer's source {Latched} (signalled {Signalled})")]
    private partial void LogLatched(IPEndPoint? signalled, IPEndPoint? latched);

    [LoggerMessage(EventId = LogEventRange.Rtp + 12, Level = LogLevel.Warning,
        Message = "RTP session ended: {Reason}")]
    private partial void LogEnded(RtpEndReason reason);

    [LoggerMessage(EventId = LogEventRange.Rtp + 13, Level = LogLevel.Warning,
        Message = "RTP send to {Target} failed with {Error}; later failures of this session are not logged")]
    private partial void LogSendFailed(SocketError error, IPEndPoint? target);

    [LoggerMessage(EventId = LogEventRange.Rtp + 14, Level = LogLevel.Error,
        Message = "RTP receive failed with {Error}")]
    private partial void LogReceiveFailed(SocketError error);

    [LoggerMessage(EventId = LogEventRange.Rtp + 15, Level = LogLevel.Debug,
        Message = "RTCP BYE from the peer's source {Ssrc:x8}")]
    private partial void LogRemoteBye(uint ssrc);

    [LoggerMessage(EventId = LogEventRange.Rtp + 16, Level = LogLevel.Debug,
        Message = "RTP session stopped after sending {Sent} and receiving {Received} packets")]
    private partial void LogStopped(long sent, long received);
}
