namespace RcmlEngine.Rtp;

/// <summary>
/// A stream the <see cref="RtpPacer"/> ticks once per packet time. <see cref="OnTick"/> runs on the
/// pacer thread: it must not block, wait or allocate (write the packet into a buffer the stream
/// owns and send it with a non-blocking UDP send).
/// </summary>
internal interface IPacedStream
{
    /// <summary>
    /// Sends the packet of tick <paramref name="tick"/> (0, 1, 2...), due at <paramref name="deadline"/>
    /// (a <see cref="TimeProvider"/> timestamp); <paramref name="missedTicks"/> counts ticks skipped
    /// just before this one because the pacer fell behind (the stream advances its RTP timestamp by them).
    /// </summary>
    void OnTick(long tick, long deadline, int missedTicks);
}
