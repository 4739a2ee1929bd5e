namespace RcmlEngine.Media.Sessions;

/// <summary>How a play ended (cancellation throws instead).</summary>
internal enum PlayOutcome
{
    /// <summary>All the audio was sent.</summary>
    Completed,

    /// <summary>A digit arrived and the play stopped (barge-in).</summary>
    StoppedByDigit,
}
