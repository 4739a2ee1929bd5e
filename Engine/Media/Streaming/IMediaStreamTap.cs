namespace RcmlEngine.Media.Streaming;

/// <summary>
/// Takes a copy of a call's audio and keys for a media stream. Called on the receive loop and the pacer
/// thread: must return quickly and never block (a stream only enqueues).
/// </summary>
internal interface IMediaStreamTap
{
    /// <summary>What the caller said: decoded 8 kHz samples, valid only during the call.</summary>
    void OnInbound(ReadOnlySpan<short> samples);

    /// <summary>What the engine sent to the caller: one frame of 8 kHz samples, valid only during the call.</summary>
    void OnOutbound(ReadOnlySpan<short> samples);

    /// <summary>A key the caller pressed.</summary>
    void OnDigit(char digit);
}
