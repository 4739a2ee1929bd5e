namespace RcmlEngine.Calls.ClickToCall;

/// <summary>Why a click-to-call setup was not started.</summary>
internal enum ClickToCallRefusal
{
    /// <summary>It was started.</summary>
    None,

    /// <summary>A setup of the same two parties is still going on.</summary>
    InProgress,

    /// <summary>The engine cannot start one now (no SIP stack, shutting down, too many kept setups).</summary>
    Unavailable,
}
