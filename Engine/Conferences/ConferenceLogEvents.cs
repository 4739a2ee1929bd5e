using RcmlEngine.Diagnostics;

namespace RcmlEngine.Conferences;

/// <summary>Event ids of the conference layer's log messages.</summary>
internal static class ConferenceLogEvents
{
    /// <summary>Rooms: start, end, join, leave.</summary>
    public const int Rooms = LogEventRange.Conferences;

    /// <summary>Room audio: beeps and announcements.</summary>
    public const int RoomAudio = LogEventRange.Conferences + 20;

    /// <summary>The registry.</summary>
    public const int Registry = LogEventRange.Conferences + 40;
}
