namespace RcmlEngine.Media.Mixing;

/// <summary>
/// Where a conference participant's mix goes: one 20 ms frame per mixer tick, on the pacer thread.
/// Implementations send it at once (or queue it) without blocking or allocating.
/// </summary>
internal interface IMixOutput
{
    /// <summary>Sends the next frame of what this participant hears; the span is valid only during the call.</summary>
    void Send(ReadOnlySpan<short> frame);
}
