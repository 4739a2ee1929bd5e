namespace RcmlEngine.Conferences;

/// <summary>Which conference events go to the room's status callback (<c>statusCallbackEvent</c>).</summary>
[Flags]
internal enum ConferenceEventFilter
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><c>conference-start</c>.</summary>
    Start = 1,

    /// <summary><c>conference-end</c>.</summary>
    End = 2,

    /// <summary><c>participant-join</c>.</summary>
    Join = 4,

    /// <summary><c>participant-leave</c>.</summary>
    Leave = 8,

    /// <summary><c>participant-mute</c> and <c>participant-unmute</c>.</summary>
    Mute = 16,

    /// <summary><c>participant-hold</c> and <c>participant-unhold</c>.</summary>
    Hold = 32,

    /// <summary><c>participant-modify</c>.</summary>
    Modify = 64,

    /// <summary><c>participant-speech-start</c> and <c>participant-speech-stop</c>.</summary>
    Speaker = 128,

    /// <summary><c>announcement-end</c> and <c>announcement-fail</c>.</summary>
    Announcement = 256,
}
