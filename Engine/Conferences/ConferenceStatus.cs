namespace RcmlEngine.Conferences;

/// <summary>A conference's status, as Twilio names it.</summary>
internal enum ConferenceStatus
{
    /// <summary><c>init</c>: created, waiting for its participants (they hear wait music).</summary>
    Init,

    /// <summary><c>in-progress</c>: started, audio is mixed.</summary>
    InProgress,

    /// <summary><c>completed</c>: ended.</summary>
    Completed,
}
