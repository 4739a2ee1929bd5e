namespace RcmlEngine.Calls.Dialing;

/// <summary>A call whose audio can be connected to another's (both answered, or with early media).</summary>
internal interface IBridgeableCall : ICall
{
    /// <summary>
    /// Connects the two calls' audio both ways (transcoding between codecs) and passes keys through to
    /// the other phone, until either call ends: returns which one. Keys also stay in each call's
    /// <see cref="ICall.Digits"/> (for <c>hangupOnStar</c>). Throws <see cref="OperationCanceledException"/>
    /// when only <paramref name="cancellationToken"/> is cancelled (the calls stay up, unbridged), and
    /// <see cref="ArgumentException"/> when <paramref name="other"/> cannot be bridged with this call.
    /// </summary>
    Task<BridgeEnd> BridgeAsync(IBridgeableCall other, CancellationToken cancellationToken);

    /// <summary>
    /// Starts recording what this call's party says into <paramref name="filePath"/> (WAV); another party
    /// joins with <see cref="ICallRecording.Join"/>. <paramref name="dual"/>: this party left, the other right.
    /// </summary>
    ICallRecording StartRecording(string filePath, bool dual);
}
