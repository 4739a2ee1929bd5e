namespace RcmlEngine.Sip.Registrar;

/// <summary>How applying a REGISTER to the binding table went.</summary>
internal enum BindingUpdateOutcome
{
    /// <summary>Every change was made.</summary>
    Applied,

    /// <summary>
    /// A binding was last written by the same Call-ID with a CSeq not lower than this one: an old or
    /// reordered request (RFC 3261 10.3 step 7). Nothing was changed.
    /// </summary>
    OutOfOrder,

    /// <summary>The client name would hold more than the allowed bindings. Nothing was changed.</summary>
    TooManyBindings,

    /// <summary>A new client name would exceed the allowed number of names. Nothing was changed.</summary>
    TooManyUsers,
}
