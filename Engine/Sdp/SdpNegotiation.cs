namespace RcmlEngine.Sdp;

/// <summary>
/// The outcome of answering an offer or applying an answer: the agreed audio (and, when answering,
/// the answer to send), or the reason negotiation failed (which SIP turns into 488).
/// </summary>
internal sealed record SdpNegotiation
{
    private SdpNegotiation()
    {
    }

    /// <summary>The agreed audio stream; null on failure.</summary>
    public SdpNegotiatedAudio? Audio { get; private init; }

    /// <summary>The answer to send back (only when answering an offer).</summary>
    public SdpSessionDescription? Answer { get; private init; }

    /// <summary>Why negotiation failed; null on success.</summary>
    public string? Error { get; private init; }

    /// <summary>True when an audio stream was agreed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A success.</summary>
    public static SdpNegotiation Agreed(SdpNegotiatedAudio audio, SdpSessionDescription? answer = null) =>
        new() { Audio = audio, Answer = answer };

    /// <summary>A failure with its reason.</summary>
    public static SdpNegotiation Failed(string error) => new() { Error = error };
}
