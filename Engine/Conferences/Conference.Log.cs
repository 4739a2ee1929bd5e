using Microsoft.Extensions.Logging;

namespace RcmlEngine.Conferences;

internal sealed partial class Conference
{
    [LoggerMessage(EventId = ConferenceLogEvents.Rooms, Level = LogLevel.Information, Message = "Conference {FriendlyName} ({ConferenceSid}) started with {Participants} participants")]
    private partial void LogStarted(string friendlyName, string conferenceSid, int participants);

    [LoggerMessage(EventId = ConferenceLogEvents.Rooms + 1, Level = LogLevel.Information, Message = "Conference {FriendlyName} ({ConferenceSid}) ended: {Reason}")]
    private partial void LogEnded(string friendlyName, string conferenceSid, string reason);

    [LoggerMessage(EventId = ConferenceLogEvents.Rooms + 2, Level = LogLevel.Information, Message = "Conference {FriendlyName}: {CallSid} joined ({Participants} in the room)")]
    private partial void LogJoined(string friendlyName, string callSid, int participants);

    [LoggerMessage(EventId = ConferenceLogEvents.Rooms + 3, Level = LogLevel.Information, Message = "Conference {FriendlyName}: {CallSid} left ({Reason}; {Participants} remain)")]
    private partial void LogLeft(string friendlyName, string callSid, string reason, int participants);
}
