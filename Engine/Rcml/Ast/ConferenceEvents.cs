namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Conference statusCallbackEvent&gt;</c>: which conference events are reported.</summary>
[Flags]
internal enum ConferenceEvents
{
    /// <summary>No event (the default).</summary>
    None = 0,

    /// <summary><c>start</c>.</summary>
    Start = 1,

    /// <summary><c>end</c>.</summary>
    End = 2,

    /// <summary><c>join</c>.</summary>
    Join = 4,

    /// <summary><c>leave</c>.</summary>
    Leave = 8,

    /// <summary><c>mute</c>.</summary>
    Mute = 16,

    /// <summary><c>hold</c>.</summary>
    Hold = 32,

    /// <summary><c>modify</c>.</summary>
    Modify = 64,

    /// <summary><c>speaker</c>.</summary>
    Speaker = 128,

    /// <summary><c>announcement</c>.</summary>
    Announcement = 256,
}
