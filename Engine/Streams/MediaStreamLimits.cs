namespace RcmlEngine.Streams;

/// <summary>The bounds every stream keeps, so a slow, dead or hostile server never grows the engine's memory.</summary>
internal sealed record MediaStreamLimits
{
    /// <summary>The limits used unless a test gives others.</summary>
    public static MediaStreamLimits Default { get; } = new();

    /// <summary>How long the WebSocket handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Media messages waiting to be sent (5 s of both tracks). When full, each new media frame is dropped
    /// and counted; start, dtmf, mark and stop are never dropped.
    /// </summary>
    public int MaxQueuedMediaFrames { get; init; } = 500;

    /// <summary>The largest message accepted from the server (64 KiB: some 6 s of audio); a larger one ends the stream.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024;

    /// <summary>Audio from the server queued ahead for the caller, in 8 kHz samples (60 s); beyond that it is dropped.</summary>
    public int MaxQueuedPlaybackSamples { get; init; } = 480_000;

    /// <summary>How long the stop message and the close handshake may take when the engine stops a stream.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
