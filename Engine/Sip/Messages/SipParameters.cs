using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>
/// An ordered list of <c>;name[=value]</c> parameters (URI or header parameters). Names compare
/// case-insensitively (RFC 3261 7.3.1); order and spelling are kept for writing.
/// </summary>
internal sealed class SipParameters
{
    // Allocated on first use: most URIs and many headers carry no parameters.
    private List<KeyValuePair<string, string?>>? _items;

    public SipParameters()
    {
    }

    public SipParameters(SipParameters other)
    {
        if (other._items is { Count: > 0 } items)
        {
            _items = [.. items];
        }
    }

    public int Count => _items?.Count ?? 0;

    public IReadOnlyList<KeyValuePair<string, string?>> Items => (IReadOnlyList<KeyValuePair<string, string?>>?)_items ?? [];

    /// <summary>The value of a parameter (empty string for a flag like <c>;lr</c>), or null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            var i = IndexOf(name);
            return i < 0 ? null : _items![i].Value ?? string.Empty;
        }
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Sets (replacing) a parameter; a null value writes a flag (<c>;rport</c>).</summary>
    public SipParameters Set(string name, string? value)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            _items![i] = new(_items[i].Key, value);
        }
        else
        {
            (_items ??= new List<KeyValuePair<string, string?>>(2)).Add(new(name, value));
        }

        return this;
    }

    public bool Remove(string name)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            return false;
        }

        _items!.RemoveAt(i);
        return true;
    }

    public void WriteTo(StringBuilder builder)
    {
        if (_items is null)
        {
            return;
        }

        foreach (var (key, value) in _items)
        {
            builder.Append(';').Append(key);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>
    /// Parses header parameters (<c>*( SEMI generic-param )</c>, RFC 3261 25.1) from
    /// <paramref name="text"/>, which starts at a semicolon or is empty. LWS is allowed around
    /// <c>;</c> and <c>=</c>; values are tokens, hosts (IPv6 references included) or quoted strings.
    /// </summary>
    public static bool TryParseHeaderParameters(ReadOnlySpan<char> text, SipParameters into, out string error)
    {
        error = string.Empty;
        var position = SipGrammar.SkipWhitespace(text, 0);
        while (position < text.Length)
        {
            if (text[position] != ';')
            {
                error = $"unexpected '{text[position]}' where ';' was expected";
                return false;
            }

            position = SipGrammar.SkipWhitespace(text, position + 1);
            var nameStart = position;
            while (position < text.Length && SipGrammar.IsTokenChar(text[position]))
            {
                position++;
            }

            if (position == nameStart)
            {
                error = "empty parameter name";
                return false;
            }

            var name = text[nameStart..position].ToString();
            position = SipGrammar.SkipWhitespace(text, position);
            string? value = null;
            if (position < text.Length && text[position] == '=')
            {
                position = SipGrammar.SkipWhitespace(text, position + 1);
                if (position < text.Length && text[position] == '"')
                {
                    var quoteStart = position;
                    if (!SipGrammar.TryReadQuoted(text, ref position, out _))
                    {
                        error = $"parameter '{name}' has an unterminated quoted string";
                        return false;
                    }

                    value = text[quoteStart..position].ToString();
                }
                else
                {
                    var valueStart = position;
                    while (position < text.Length && IsHostOrTokenChar(text[position]))
                    {
                        position++;
                    }

                    if (position == valueStart)
                    {
                        error = $"parameter '{name}' has an empty value";
                        return false;
                    }

                    value = text[valueStart..position].ToString();
                }

                position = SipGrammar.SkipWhitespace(text, position);
            }

            into.Add(name, value);
        }

        return true;
    }

    /// <summary>Parses URI parameters (<c>*( ";" uri-parameter )</c>, RFC 3261 19.1.1): no LWS allowed.</summary>
    public static bool TryParseUriParameters(ReadOnlySpan<char> text, SipParameters into, out string error)
    {
        error = string.Empty;
        foreach (var range in text.Split(';'))
        {
            var part = text[range];
            if (range.Start.Value == 0 && part.IsEmpty)
            {
                continue;
            }

            if (part.IsEmpty)
            {
                error = "empty URI parameter";
                return false;
            }

            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? default : part[(eq + 1)..];
            if (name.IsEmpty || !IsParamChars(name) || (eq >= 0 && !IsParamChars(value)))
            {
                error = $"invalid URI parameter '{part}'";
                return false;
            }

            into.Add(name.ToString(), eq < 0 ? null : value.ToString());
        }

        return true;
    }

    private static bool IsHostOrTokenChar(char c) => SipGrammar.IsTokenChar(c) || c is ':' or '[' or ']';

    private static bool IsParamChars(ReadOnlySpan<char> text)
    {
        // RFC 3261 25.1 paramchar: param-unreserved / unreserved / escaped.
        return !text.ContainsAnyExcept(SipGrammar.ParamChars);
    }

    private void Add(string name, string? value) => (_items ??= new List<KeyValuePair<string, string?>>(2)).Add(new(name, value));

    private int IndexOf(string name)
    {
        if (_items is null)
        {
            return -1;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
