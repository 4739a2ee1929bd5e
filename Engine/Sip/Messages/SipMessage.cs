namespace RcmlEngine.Sip.Messages;

/// <summary>
/// A SIP request or response: headers in order plus an opaque body (SDP, sipfrag, multipart... are
/// bytes and a Content-Type here). Typed views of the common headers are parsed on first use and
/// cached until the headers change.
/// </summary>
internal abstract class SipMessage
{
    private readonly Cached<IReadOnlyList<SipVia>> _vias = new();
    private readonly Cached<SipNameAddress?> _from = new();
    private readonly Cached<SipNameAddress?> _to = new();
    private readonly Cached<SipCSeq?> _cseq = new();

    public SipHeaderCollection Headers { get; } = new();

    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public abstract bool IsRequest { get; }

    public string? CallId => Headers[SipHeaderNames.CallId];

    public string? ContentType => Headers[SipHeaderNames.ContentType];

    /// <summary>Every Via value, top first; values that do not parse are left out.</summary>
    public IReadOnlyList<SipVia> Vias => _vias.Get(Headers, static h =>
    {
        var list = new List<SipVia>(2);
        foreach (var value in h.GetValues(SipHeaderNames.Via))
        {
            if (SipVia.TryParse(value, out var via, out _))
            {
                list.Add(via);
            }
        }

        return list;
    });

    public SipVia? TopVia => Vias.Count > 0 ? Vias[0] : null;

    public SipNameAddress? From => _from.Get(Headers, static h => ParseAddress(h[SipHeaderNames.From]));

    public SipNameAddress? To => _to.Get(Headers, static h => ParseAddress(h[SipHeaderNames.To]));

    public SipCSeq? CSeq => _cseq.Get(Headers, static h =>
        h[SipHeaderNames.CSeq] is { } v && SipCSeq.TryParse(v, out var c, out _) ? c : null);

    /// <summary>Contact values; a <c>*</c> Contact (RFC 3261 10.2.2) is reported by <see cref="IsContactWildcard"/>.</summary>
    public IReadOnlyList<SipNameAddress> Contacts => ParseAddresses(SipHeaderNames.Contact);

    /// <summary>The first Contact, or null.</summary>
    public SipNameAddress? Contact => Contacts is { Count: > 0 } c ? c[0] : null;

    /// <summary>The first Route, or null.</summary>
    public SipNameAddress? TopRoute => Routes is { Count: > 0 } r ? r[0] : null;

    public bool IsContactWildcard => Headers[SipHeaderNames.Contact]?.Trim() == "*";

    public IReadOnlyList<SipNameAddress> Routes => ParseAddresses(SipHeaderNames.Route);

    public IReadOnlyList<SipNameAddress> RecordRoutes => ParseAddresses(SipHeaderNames.RecordRoute);

    /// <summary>Option tags of a list header such as Supported or Require.</summary>
    public IReadOnlyList<string> OptionTags(string headerName) => Headers.GetValues(headerName);

    /// <summary>Seeds the caches with values the parser already validated.</summary>
    internal void SeedParsed(IReadOnlyList<SipVia> vias, SipNameAddress? from, SipNameAddress? to, SipCSeq? cseq)
    {
        _vias.Seed(Headers, vias);
        _from.Seed(Headers, from);
        _to.Seed(Headers, to);
        _cseq.Seed(Headers, cseq);
    }

    private List<SipNameAddress> ParseAddresses(string name)
    {
        var list = new List<SipNameAddress>();
        foreach (var value in Headers.GetValues(name))
        {
            if (value != "*" && SipNameAddress.TryParse(value, out var address, out _))
            {
                list.Add(address);
            }
        }

        return list;
    }

    private static SipNameAddress? ParseAddress(string? value) =>
        value is not null && SipNameAddress.TryParse(value, out var a, out _) ? a : null;

    private sealed class Cached<T>
    {
        private int _version = -1;
        private T _value = default!;

        public T Get(SipHeaderCollection headers, Func<SipHeaderCollection, T> parse)
        {
            if (_version != headers.Version)
            {
                _value = parse(headers);
                _version = headers.Version;
            }

            return _value;
        }

        public void Seed(SipHeaderCollection headers, T value)
        {
            _value = value;
            _version = headers.Version;
        }
    }
}
