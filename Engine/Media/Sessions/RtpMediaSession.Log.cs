using System.Net;
using Microsoft.Extensions.Logging;
using RcmlEngine.Sdp;

namespace RcmlEngine.Media.Sessions;

internal sealed partial class RtpMediaSession
{
    [LoggerMessage(EventId = MediaLogEvents.Sessions, Level = LogLevel.Debug, Message = "Media session {Session} started on {LocalEndPoint}")]
    private partial void LogStarted(long session, IPEndPoint localEndPoint);

    [LoggerMessage(EventId = MediaLogEvents.Sessions + 1, Level = LogLevel.Information, Message = "Media session {Session}: {Codec} at {PacketTimeMs} ms, {Direction}")]
    private partial void LogNegotiated(long session, string codec, int packetTimeMs, SdpDirection direction);

    [LoggerMessage(EventId = MediaLogEvents.Sessions + 2, Level = LogLevel.Warning, Message = "Media session {Session}: negotiation failed: {Error}")]
    private partial void LogNegotiationFailed(long session, string error);

    [LoggerMessage(EventId = MediaLogEvents.Sessions + 3, Level = LogLevel.Debug, Message = "Media session {Session}: digit {Digit} ({Source})")]
    private partial void LogDigit(long session, char digit, DigitSource source);

    [LoggerMessage(EventId = MediaLogEvents.Sessions + 4, Level = LogLevel.Information, Message = "Media session {Session} bridged with {Other}")]
    private partial void LogBridged(long session, long other);

    [LoggerMessage(EventId = MediaLogEvents.Sessions + 5, Level = LogLevel.Information, Message = "Media session {Session} unbridged from {Other}")]
    private partial void LogUnbridged(long session, long other);

    [LoggerMessage(EventId = MediaLogEvents.Sessions + 6, Level = LogLevel.Debug, Message = "Media session {Session} mixing in a conference as {Participant}")]
    private partial void LogMixing(long session, string participant);
}
