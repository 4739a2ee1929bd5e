namespace RcmlEngine.Calls.Virtual;

/// <summary>The person on the other end of a <see cref="VirtualPhone"/>: a script, or someone at a terminal.</summary>
internal interface IVirtualCaller
{
    /// <summary>
    /// Called each time the engine starts listening (each Gather, each Record). Returns what the caller
    /// does: keys to press in order, <c>w</c> waiting half a second and <c>W</c> a second between them
    /// (for a recording, waiting is talking); empty for nothing (silence); null when the caller hangs up.
    /// </summary>
    ValueTask<string?> NextInputAsync(VirtualInput input, CancellationToken cancellationToken);
}
