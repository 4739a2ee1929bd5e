using System.Globalization;
using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>
/// A URI as SIP carries it (RFC 3261 19.1): <c>sip:</c>/<c>sips:</c> with user, password, host
/// (IPv6 references in brackets), port, parameters and headers; <c>tel:</c> (RFC 3966) with its
/// number in <see cref="User"/>; any other scheme kept opaque. Immutable; parse with <see cref="TryParse"/>.
/// </summary>
internal sealed partial class SipUri
{
    private string? _text;

    private SipUri(string scheme) => Scheme = scheme;

    /// <summary>Lower-case scheme: <c>sip</c>, <c>sips</c>, <c>tel</c>, or another.</summary>
    public string Scheme { get; }

    public string? User { get; private init; }

    public string? Password { get; private init; }

    /// <summary>Host as written (IPv6 references keep their brackets); empty for tel and opaque URIs.</summary>
    public string Host { get; private init; } = string.Empty;

    public int? Port { get; private init; }

    public SipParameters Parameters { get; private init; } = new();

    /// <summary>The raw <c>?header=value&amp;...</c> part without the question mark, or null.</summary>
    public string? Headers { get; private init; }

    /// <summary>For a scheme other than sip, sips and tel: everything after the colon.</summary>
    public string? Opaque { get; private init; }

    public bool IsSip => Scheme is "sip" or "sips";

    public bool IsSecure => Scheme == "sips";

    /// <summary>The <c>;transport=</c> parameter in lower case, or null.</summary>
    public string? Transport => Parameters["transport"]?.ToLowerInvariant();

    /// <summary>The host without IPv6 brackets, ready for address parsing or DNS.</summary>
    public string HostWithoutBrackets => Host.StartsWith('[') ? Host[1..^1] : Host;

    /// <summary>Builds a sip (or sips) URI.</summary>
    public static SipUri Create(string? user, string host, int? port = null, bool secure = false, SipParameters? parameters = null) =>
        new(secure ? "sips" : "sip")
        {
            User = user,
            Host = FormatHost(host),
            Port = port,
            Parameters = parameters ?? new SipParameters(),
        };

    /// <summary>Brackets an IPv6 literal; leaves names and IPv4 as they are.</summary>
    public static string FormatHost(string host) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    /// <summary>A copy with different parameters (e.g. adding <c>;transport=tcp</c> or <c>;lr</c>).</summary>
    public SipUri WithParameter(string name, string? value)
    {
        var parameters = new SipParameters(Parameters).Set(name, value);
        return new SipUri(Scheme)
        {
            User = User, Password = Password, Host = Host, Port = Port, Parameters = parameters, Headers = Headers, Opaque = Opaque,
        };
    }

    /// <summary>A copy without the <c>?headers</c> part (RFC 3261 19.1.5 for a request built from a URI).</summary>
    public SipUri WithoutHeaders() => Headers is null ? this : new SipUri(Scheme)
    {
        User = User, Password = Password, Host = Host, Port = Port, Parameters = Parameters, Opaque = Opaque,
    };

    /// <summary>The user part with %HH escapes decoded (RFC 3261 19.1.4 compares unescaped).</summary>
    public string? UnescapedUser => User is null ? null : Unescape(User);

    public override string ToString() => _text ??= Format();

    private string Format()
    {
        var builder = new StringBuilder(64).Append(Scheme).Append(':');
        if (Opaque is not null)
        {
            return builder.Append(Opaque).ToString();
        }

        if (Scheme == "tel")
        {
            builder.Append(User);
            Parameters.WriteTo(builder);
            return builder.ToString();
        }

        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.WriteTo(builder);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }

        return builder.ToString();
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
