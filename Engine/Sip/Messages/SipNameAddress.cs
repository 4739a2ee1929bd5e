using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>
/// A <c>name-addr</c> or <c>addr-spec</c> with header parameters (RFC 3261 20.10, 20.20, 20.39...):
/// the value of From, To, Contact, Route, Record-Route, Refer-To and Referred-By.
/// </summary>
internal sealed class SipNameAddress
{
    public SipNameAddress(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? new SipParameters();
    }

    /// <summary>The display name, unquoted and unescaped, or null.</summary>
    public string? DisplayName { get; }

    public SipUri Uri { get; }

    /// <summary>Header parameters (tag, expires, q...), not the URI's own.</summary>
    public SipParameters Parameters { get; }

    public string? Tag => Parameters["tag"];

    /// <summary>A copy with a <c>tag</c> parameter (a UAS adds its tag to To, RFC 3261 8.2.6.2).</summary>
    public SipNameAddress WithTag(string tag) => new(Uri, DisplayName, new SipParameters(Parameters).Set("tag", tag));

    public override string ToString()
    {
        var builder = new StringBuilder(96);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append('"');
            foreach (var c in DisplayName)
            {
                if (c is '"' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            builder.Append("\" ");
        }

        builder.Append('<').Append(Uri).Append('>');
        Parameters.WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>Parses one value; <paramref name="error"/> says what is wrong. Never throws.</summary>
    public static bool TryParse(string value, out SipNameAddress address, out string error)
    {
        address = null!;
        var text = value.AsSpan().Trim(" \t");
        if (text.IsEmpty)
        {
            error = "empty address";
            return false;
        }

        string? display = null;
        var position = 0;
        int uriStart;
        int uriEnd;
        if (text[0] == '"')
        {
            if (!SipGrammar.TryReadQuoted(text, ref position, out var quoted))
            {
                error = "unterminated quoted display name";
                return false;
            }

            display = quoted;
            position = SipGrammar.SkipWhitespace(text, position);
            if (position >= text.Length || text[position] != '<')
            {
                error = "a quoted display name must be followed by <URI>";
                return false;
            }
        }
        else
        {
            var angle = SipGrammar.IndexOfUnquoted(text, '<', 0);
            if (angle < 0)
            {
                return TryParseAddrSpec(text, out address, out error);
            }

            var name = text[..angle].Trim(" \t");
            foreach (var c in name)
            {
                // RFC 3261 25.1: an unquoted display name is tokens separated by LWS.
                if (!SipGrammar.IsTokenChar(c) && !SipGrammar.IsWhitespace(c))
                {
                    error = $"display name '{name}' must be quoted: '{c}' is not a token character";
                    return false;
                }
            }

            display = name.IsEmpty ? null : name.ToString();
            position = angle;
        }

        uriStart = position + 1;
        uriEnd = text[uriStart..].IndexOf('>');
        if (uriEnd < 0)
        {
            error = "'<' without a closing '>'";
            return false;
        }

        uriEnd += uriStart;
        var uriText = text[uriStart..uriEnd].ToString();
        if (uriText.Length == 0 || SipGrammar.IsWhitespace(uriText[0]) || SipGrammar.IsWhitespace(uriText[^1]))
        {
            error = "whitespace inside <> around the URI";
            return false;
        }

        if (!SipUri.TryParse(uriText, out var uri, out error))
        {
            return false;
        }

        var parameters = new SipParameters();
        if (!SipParameters.TryParseHeaderParameters(text[(uriEnd + 1)..], parameters, out error))
        {
            return false;
        }

        address = new SipNameAddress(uri, display, parameters);
        return true;
    }

    private static bool TryParseAddrSpec(ReadOnlySpan<char> text, out SipNameAddress address, out string error)
    {
        address = null!;

        // RFC 3261 20: without angle brackets, parameters after the URI are header parameters, and a
        // URI holding a comma, semicolon or question mark must be bracketed.
        var semi = text.IndexOf(';');
        var uriText = (semi < 0 ? text : text[..semi]).TrimEnd(" \t");
        if (uriText.ContainsAny(',', '?'))
        {
            error = $"address '{uriText}' holds ',' or '?' and must be enclosed in <>";
            return false;
        }

        if (!SipUri.TryParse(uriText.ToString(), out var uri, out error))
        {
            return false;
        }

        var parameters = new SipParameters();
        if (semi >= 0 && !SipParameters.TryParseHeaderParameters(text[semi..], parameters, out error))
        {
            return false;
        }

        address = new SipNameAddress(uri, null, parameters);
        return true;
    }
}
