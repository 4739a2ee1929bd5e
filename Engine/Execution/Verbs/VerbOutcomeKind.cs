namespace RcmlEngine.Execution.Verbs;

/// <summary>What the interpreter does after a verb.</summary>
internal enum VerbOutcomeKind
{
    /// <summary>Run the next verb of the document (at its end, the call ends).</summary>
    Continue,

    /// <summary>End the call now.</summary>
    HangUp,

    /// <summary>Fetch another document and run it (the rest of this one is dropped).</summary>
    Navigate,
}
