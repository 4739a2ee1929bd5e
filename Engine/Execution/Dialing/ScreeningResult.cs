namespace RcmlEngine.Execution.Dialing;

/// <summary>How a screening document ended on the called party's leg.</summary>
internal enum ScreeningResult
{
    /// <summary>The document ran to its end: the party accepted the call, it is bridged.</summary>
    Accepted,

    /// <summary>The document hung up (or rejected), or could not be run: the party declined.</summary>
    Refused,

    /// <summary>The called party hung up during the screening.</summary>
    CalleeHungUp,
}
