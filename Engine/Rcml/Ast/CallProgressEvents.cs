namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// <c>statusCallbackEvent</c> of <c>&lt;Number&gt;</c>, <c>&lt;Sip&gt;</c> and <c>&lt;Client&gt;</c>: which
/// progress events of the dialed leg are reported. Written separated by spaces (Twilio) or commas (Restcomm).
/// </summary>
[Flags]
internal enum CallProgressEvents
{
    /// <summary>No event.</summary>
    None = 0,

    /// <summary><c>initiated</c>: the engine starts dialing.</summary>
    Initiated = 1,

    /// <summary><c>ringing</c>: the far end rings.</summary>
    Ringing = 2,

    /// <summary><c>answered</c>: the far end answers.</summary>
    Answered = 4,

    /// <summary><c>completed</c>: the leg ended, whatever the outcome (the default).</summary>
    Completed = 8,
}
