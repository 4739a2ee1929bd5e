using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Streams;

internal sealed partial class MediaStreamClient
{
    [LoggerMessage(EventId = LogEventRange.Streams + 1, Level = LogLevel.Information,
        Message = "Stream {StreamSid} of call {CallSid} started (tracks {Tracks}, bidirectional {Bidirectional})")]
    private partial void LogStarted(string streamSid, string callSid, MediaStreamTracks tracks, bool bidirectional);

    [LoggerMessage(EventId = LogEventRange.Streams + 2, Level = LogLevel.Information,
        Message = "Stream {StreamSid} ended: {Reason} {Error} ({Dropped} media frames dropped)")]
    private partial void LogEnded(string streamSid, MediaStreamEndReason reason, string error, long dropped);

    [LoggerMessage(EventId = LogEventRange.Streams + 3, Level = LogLevel.Debug,
        Message = "Stream {StreamSid}: the close handshake did not complete: {Reason}")]
    private partial void LogCloseFailed(string streamSid, string reason);

    [LoggerMessage(EventId = LogEventRange.Streams + 4, Level = LogLevel.Warning,
        Message = "Stream {StreamSid}: the server sent more audio than 60 s ahead; {Samples} samples dropped")]
    private partial void LogPlaybackFull(string streamSid, int samples);
}
