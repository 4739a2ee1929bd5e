namespace RcmlEngine.Media.Sessions;

/// <summary>The result of answering an offer or applying an answer: the SDP to send, or why it failed (SIP 488).</summary>
/// <param name="Sdp">The answer to send (answering), or null (applying an answer).</param>
/// <param name="Error">Why negotiation failed, naming the SDP line or the mismatch; null on success.</param>
internal sealed record SdpExchange(string? Sdp, string? Error)
{
    /// <summary>True when an audio stream was agreed.</summary>
    public bool Succeeded => Error is null;
}
