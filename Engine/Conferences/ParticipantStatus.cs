namespace RcmlEngine.Conferences;

/// <summary>A participant's status, as Twilio names it.</summary>
internal enum ParticipantStatus
{
    /// <summary><c>queued</c>: added through the API, its call not placed yet.</summary>
    Queued,

    /// <summary><c>connecting</c>: its call is being placed.</summary>
    Connecting,

    /// <summary><c>ringing</c>.</summary>
    Ringing,

    /// <summary><c>connected</c>: in the room.</summary>
    Connected,

    /// <summary><c>complete</c>: left.</summary>
    Complete,

    /// <summary><c>failed</c>: its call never reached the room.</summary>
    Failed,
}
