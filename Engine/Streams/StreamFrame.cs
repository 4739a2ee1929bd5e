namespace RcmlEngine.Streams;

/// <summary>
/// One message waiting in a stream's send queue. A media frame's payload is a pooled array of
/// <see cref="MediaStreamMessages.FrameBytes"/> mu-law bytes, returned to the pool once written.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Track">A media frame's track.</param>
/// <param name="Chunk">A media frame's number within its track, from 1.</param>
/// <param name="Timestamp">A media frame's time since the stream started, in milliseconds.</param>
/// <param name="Payload">A media frame's audio (pooled).</param>
/// <param name="Text">A key (dtmf) or a mark's name.</param>
internal readonly record struct StreamFrame(
    StreamFrameKind Kind, MediaStreamTrack Track, long Chunk, long Timestamp, byte[]? Payload, string? Text);
