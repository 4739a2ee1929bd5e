namespace RcmlEngine.Sip.UserAgent;

/// <summary>A message body as the SIP layer sees it: opaque bytes and their Content-Type (SDP is the Sdp layer's business).</summary>
internal readonly record struct SipBody(ReadOnlyMemory<byte> Content, string ContentType)
{
    public bool IsEmpty => Content.IsEmpty;

    public static SipBody None => new(ReadOnlyMemory<byte>.Empty, string.Empty);

    /// <summary>An <c>application/sdp</c> body.</summary>
    public static SipBody Sdp(ReadOnlyMemory<byte> content) => new(content, "application/sdp");
}
