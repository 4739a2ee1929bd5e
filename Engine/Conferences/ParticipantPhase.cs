namespace RcmlEngine.Conferences;

/// <summary>What a participant's call should be doing now.</summary>
internal enum ParticipantPhase
{
    /// <summary>Hearing wait music: the room has not started.</summary>
    Waiting,

    /// <summary>Talking in the mix.</summary>
    Live,

    /// <summary>Hearing hold music, not heard.</summary>
    Held,

    /// <summary>Hearing an announcement meant for it alone.</summary>
    Announcement,

    /// <summary>Out of the room: its document goes on.</summary>
    Gone,
}
