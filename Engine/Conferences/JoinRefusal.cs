namespace RcmlEngine.Conferences;

/// <summary>Why a call could not join a room.</summary>
internal enum JoinRefusal
{
    /// <summary>It joined.</summary>
    None,

    /// <summary>The room holds <c>maxParticipants</c> already.</summary>
    Full,

    /// <summary>Another participant has the same label.</summary>
    LabelTaken,

    /// <summary>The room ended meanwhile.</summary>
    Ended,

    /// <summary>The call is in the room already.</summary>
    AlreadyIn,
}
