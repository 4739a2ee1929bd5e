using System.Globalization;

namespace RcmlEngine.Sdp;

/// <summary>One <c>m=</c> section (RFC 4566 5.14) with its own <c>c=</c>, attributes and other lines.</summary>
internal sealed record SdpMediaDescription
{
    /// <summary>The media type: <c>audio</c>, <c>video</c>, <c>application</c>...</summary>
    public required string Media { get; init; }

    /// <summary>The transport port; 0 means the stream is rejected or disabled (RFC 3264 5.1, 6).</summary>
    public required int Port { get; init; }

    /// <summary>The <c>/number of ports</c> suffix, when given.</summary>
    public int? PortCount { get; init; }

    /// <summary>The transport protocol, e.g. <c>RTP/AVP</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>The media formats: RTP payload type numbers for RTP profiles.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>The media-level <c>c=</c> line, which overrides the session's.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>The <c>a=</c> lines in order.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>Other lines of the section (<c>i=</c>, <c>b=</c>, <c>k=</c>) in order.</summary>
    public IReadOnlyList<SdpLine> OtherLines { get; init; } = [];

    /// <summary>True for RTP profiles this engine can carry: RTP/AVP and RTP/AVPF (feedback unused).</summary>
    public bool IsPlainRtp =>
        Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase) ||
        Protocol.Equals("RTP/AVPF", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of the first attribute with this name, or null.</summary>
    public string? AttributeValue(string name) =>
        Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The direction attribute of this section, or null when it has none.</summary>
    public SdpDirection? Direction =>
        Attributes.Select(a => a.Value is null ? SdpDirections.FromAttributeName(a.Name) : null).FirstOrDefault(d => d is not null);

    /// <summary>The <c>a=rtpmap</c> entries that parse, by payload type.</summary>
    public IReadOnlyDictionary<int, SdpRtpMap> RtpMaps
    {
        get
        {
            var maps = new Dictionary<int, SdpRtpMap>();
            foreach (var attribute in Attributes.Where(a => a.Name.Equals("rtpmap", StringComparison.OrdinalIgnoreCase)))
            {
                if (attribute.Value is not null && SdpRtpMap.TryParse(attribute.Value, out var map))
                {
                    maps.TryAdd(map!.PayloadType, map);
                }
            }

            return maps;
        }
    }

    /// <summary>The <c>a=fmtp</c> parameters of a payload type, or null.</summary>
    public string? FormatParameters(int payloadType)
    {
        var prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        return Attributes
            .Where(a => a.Name.Equals("fmtp", StringComparison.OrdinalIgnoreCase) && a.Value is not null)
            .Select(a => a.Value!)
            .FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim();
    }

    /// <summary>The <c>m=</c> line value.</summary>
    public string MediaLine =>
        string.Create(CultureInfo.InvariantCulture, $"{Media} {Port}{(PortCount is { } n ? $"/{n}" : string.Empty)} {Protocol}") +
        (Formats.Count > 0 ? " " + string.Join(' ', Formats) : string.Empty);
}
