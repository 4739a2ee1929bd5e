namespace RcmlEngine.Sip.Messages;

/// <summary>
/// The headers of a message in order. Names are canonical (compact forms expanded), so lookups
/// compare case-insensitively against canonical names. <see cref="Version"/> changes on every edit,
/// which lets <see cref="SipMessage"/> cache parsed values safely.
/// </summary>
internal sealed class SipHeaderCollection
{
    private readonly List<SipHeader> _headers;

    public SipHeaderCollection(int capacity = 16) => _headers = new List<SipHeader>(capacity);

    public int Count => _headers.Count;

    public int Version { get; private set; }

    public IReadOnlyList<SipHeader> All => _headers;

    /// <summary>The first value of a header, or null.</summary>
    public string? this[string name] => Get(name);

    public string? Get(string name)
    {
        foreach (var header in _headers)
        {
            if (Matches(header, name))
            {
                return header.Value;
            }
        }

        return null;
    }

    public bool Contains(string name) => Get(name) is not null;

    /// <summary>How many header lines carry <paramref name="name"/>.</summary>
    public int CountOf(string name)
    {
        var count = 0;
        foreach (var header in _headers)
        {
            if (Matches(header, name))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Every value of a header: each line, and for list headers each comma-separated element.
    /// A list value whose quotes do not balance is returned whole (validation reports it).
    /// </summary>
    public List<string> GetValues(string name)
    {
        var values = new List<string>();
        var isList = SipHeaderNames.IsList(name);
        foreach (var header in _headers)
        {
            if (!Matches(header, name))
            {
                continue;
            }

            if (!isList || !SipGrammar.TrySplitList(header.Value, values))
            {
                if (!isList)
                {
                    values.Add(header.Value);
                }
            }
        }

        return values;
    }

    public void Add(string name, string value)
    {
        _headers.Add(new SipHeader(SipHeaderNames.Canonicalize(name), value));
        Version++;
    }

    /// <summary>Adds a header in front of the others of its name (a new top Via, RFC 3261 8.1.1.7).</summary>
    public void AddFirst(string name, string value)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var index = _headers.FindIndex(h => Matches(h, canonical));
        _headers.Insert(index < 0 ? 0 : index, new SipHeader(canonical, value));
        Version++;
    }

    /// <summary>Replaces every line of a header with one value (appended at the first one's place).</summary>
    public void Set(string name, string value)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var index = _headers.FindIndex(h => Matches(h, canonical));
        Remove(canonical);
        _headers.Insert(index < 0 ? _headers.Count : index, new SipHeader(canonical, value));
        Version++;
    }

    public int Remove(string name)
    {
        var removed = _headers.RemoveAll(h => Matches(h, name));
        Version++;
        return removed;
    }

    /// <summary>
    /// Replaces the first value of a list header (e.g. the top Via), splitting the first line when
    /// it carries several comma-separated values.
    /// </summary>
    public void ReplaceFirstValue(string name, string value)
    {
        var index = _headers.FindIndex(h => Matches(h, name));
        if (index < 0)
        {
            Add(name, value);
            return;
        }

        var parts = new List<string>();
        if (SipGrammar.TrySplitList(_headers[index].Value, parts) && parts.Count > 1)
        {
            _headers[index] = new SipHeader(_headers[index].Name, string.Join(", ", parts.Skip(1)));
            _headers.Insert(index, new SipHeader(_headers[index].Name, value));
        }
        else
        {
            _headers[index] = new SipHeader(_headers[index].Name, value);
        }

        Version++;
    }

    /// <summary>Removes the first value of a list header (a proxy popping a Route).</summary>
    public void RemoveFirstValue(string name)
    {
        var index = _headers.FindIndex(h => Matches(h, name));
        if (index < 0)
        {
            return;
        }

        var parts = new List<string>();
        if (SipGrammar.TrySplitList(_headers[index].Value, parts) && parts.Count > 1)
        {
            _headers[index] = new SipHeader(_headers[index].Name, string.Join(", ", parts.Skip(1)));
        }
        else
        {
            _headers.RemoveAt(index);
        }

        Version++;
    }

    internal void AddParsed(SipHeader header) => _headers.Add(header);

    private static bool Matches(SipHeader header, string name) =>
        ReferenceEquals(header.Name, name) || string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
