namespace RcmlEngine.Sdp;

/// <summary>
/// A parsed SDP body (RFC 4566): the session lines and the media sections in order. Produced by
/// <see cref="SdpParser"/>, written by <see cref="SdpWriter"/>.
/// </summary>
internal sealed record SdpSessionDescription
{
    /// <summary>The <c>o=</c> line.</summary>
    public required SdpOrigin Origin { get; init; }

    /// <summary>The <c>s=</c> text; <c>-</c> when a description has none to give.</summary>
    public string SessionName { get; init; } = "-";

    /// <summary>The session-level <c>c=</c>, the default for media sections without one.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>The <c>t=</c> value; <c>0 0</c> (unbounded) in telephony.</summary>
    public string Timing { get; init; } = "0 0";

    /// <summary>Session-level <c>a=</c> lines.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>Other session-level lines (<c>i=</c>, <c>u=</c>, <c>b=</c>...) in order.</summary>
    public IReadOnlyList<SdpLine> OtherLines { get; init; } = [];

    /// <summary>The <c>m=</c> sections in order; an answer has as many as its offer (RFC 3264 6).</summary>
    public IReadOnlyList<SdpMediaDescription> Media { get; init; } = [];

    /// <summary>The session-level direction attribute, or null.</summary>
    public SdpDirection? Direction =>
        Attributes.Select(a => a.Value is null ? SdpDirections.FromAttributeName(a.Name) : null).FirstOrDefault(d => d is not null);

    /// <summary>The value of the first session-level attribute with this name, or null.</summary>
    public string? AttributeValue(string name) =>
        Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The connection that applies to a media section: its own, else the session's.</summary>
    public SdpConnection? ConnectionFor(SdpMediaDescription media) => media.Connection ?? Connection;

    /// <summary>The direction that applies to a media section: its own, else the session's, else sendrecv.</summary>
    public SdpDirection DirectionFor(SdpMediaDescription media) => media.Direction ?? Direction ?? SdpDirection.SendRecv;
}
