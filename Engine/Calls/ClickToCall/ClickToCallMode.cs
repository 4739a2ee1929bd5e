namespace RcmlEngine.Calls.ClickToCall;

/// <summary>How a click-to-call setup connects the two parties.</summary>
internal enum ClickToCallMode
{
    /// <summary>The calling party's phone is transferred (REFER) and calls the called party itself; the engine leaves the media path.</summary>
    Refer,

    /// <summary>
    /// The phone refused the transfer (405, 501, 603): the engine calls the called party itself and bridges
    /// the two legs (third party call control, RFC 3725), staying in the media path.
    /// </summary>
    Bridged,
}
