using System.Globalization;
using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>One Via value (RFC 3261 20.42): transport, sent-by and parameters (branch, received, rport).</summary>
internal sealed class SipVia
{
    /// <summary>RFC 3261 8.1.1.7: branches that start with this were made by an RFC 3261 element.</summary>
    public const string MagicCookie = "z9hG4bK";

    public SipVia(string transport, string host, int? port, SipParameters? parameters = null)
    {
        Transport = transport.ToUpperInvariant();
        Host = SipUri.FormatHost(host);
        Port = port;
        Parameters = parameters ?? new SipParameters();
    }

    /// <summary>Upper-case transport (UDP, TCP, TLS, SCTP or any other token).</summary>
    public string Transport { get; }

    /// <summary>sent-by host as written (IPv6 in brackets).</summary>
    public string Host { get; }

    public int? Port { get; }

    public SipParameters Parameters { get; }

    public string? Branch => Parameters["branch"];

    public string? Received => Parameters["received"];

    /// <summary>True when the <c>rport</c> parameter is present (RFC 3581 4), with or without a value.</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The rport value filled in by the server, or null.</summary>
    public int? RPort => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    public string? MAddr => Parameters["maddr"];

    /// <summary>The sent-by as <c>host[:port]</c>, used for matching (RFC 3261 17.2.3).</summary>
    public string SentBy => Port is { } p ? $"{Host}:{p.ToString(CultureInfo.InvariantCulture)}" : Host;

    public override string ToString()
    {
        var builder = new StringBuilder(96).Append("SIP/2.0/").Append(Transport).Append(' ').Append(SentBy);
        Parameters.WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>Parses one Via value; LWS is allowed around <c>/</c>, <c>;</c> and <c>=</c>.</summary>
    public static bool TryParse(string value, out SipVia via, out string error)
    {
        via = null!;
        var text = value.AsSpan();
        var position = 0;
        if (!TryReadPart(text, ref position, out var protocol) || !protocol.Equals("SIP", StringComparison.OrdinalIgnoreCase) ||
            !TryReadSlash(text, ref position) || !TryReadPart(text, ref position, out var version) ||
            !TryReadSlash(text, ref position) || !TryReadPart(text, ref position, out var transport))
        {
            error = "sent-protocol is not 'SIP/2.0/transport'";
            return false;
        }

        if (version is not "2.0")
        {
            error = $"Via version '{version}' is not 2.0";
            return false;
        }

        position = SipGrammar.SkipWhitespace(text, position);
        var hostStart = position;
        while (position < text.Length && text[position] is not (';' or ' ' or '\t'))
        {
            position++;
        }

        if (!SipUri.TryParseHostPort(text[hostStart..position], out var host, out var port, out error))
        {
            error = $"sent-by: {error}";
            return false;
        }

        var parameters = new SipParameters();
        if (!SipParameters.TryParseHeaderParameters(text[position..], parameters, out error))
        {
            return false;
        }

        via = new SipVia(transport.ToString(), host, port, parameters);
        return true;
    }

    private static bool TryReadPart(ReadOnlySpan<char> text, ref int position, out ReadOnlySpan<char> part)
    {
        position = SipGrammar.SkipWhitespace(text, position);
        var start = position;
        while (position < text.Length && SipGrammar.IsTokenChar(text[position]))
        {
            position++;
        }

        part = text[start..position];
        return !part.IsEmpty;
    }

    private static bool TryReadSlash(ReadOnlySpan<char> text, ref int position)
    {
        position = SipGrammar.SkipWhitespace(text, position);
        if (position < text.Length && text[position] == '/')
        {
            position++;
            return true;
        }

        return false;
    }
}
