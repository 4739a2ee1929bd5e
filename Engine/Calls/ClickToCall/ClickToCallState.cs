namespace RcmlEngine.Calls.ClickToCall;

/// <summary>Where a click-to-call setup stands (in the order a successful one goes through them).</summary>
internal enum ClickToCallState
{
    /// <summary>The calling party's phone is being called (INVITE sent; 180 once it rings).</summary>
    Ringing,

    /// <summary>The calling party answered.</summary>
    Answered,

    /// <summary>The calling party's phone accepted the transfer (202 to the REFER) and calls the called party itself.</summary>
    Referred,

    /// <summary>The called party's phone rings (a NOTIFY sipfrag 180/183, or the engine's own leg rings when bridged).</summary>
    TransferRinging,

    /// <summary>The called party answered: the two parties talk.</summary>
    Connected,

    /// <summary>The setup ended without connecting the parties; the SIP code and error say why.</summary>
    Failed,
}
