namespace RcmlEngine.Calls.Dialing;

/// <summary>Which side ended a bridge.</summary>
internal enum BridgeEnd
{
    /// <summary>The call <c>BridgeAsync</c> was called on ended (hung up, media lost).</summary>
    ThisCallEnded,

    /// <summary>The other call ended.</summary>
    OtherCallEnded,
}
