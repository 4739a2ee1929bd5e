namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// The SIP URI of a <c>&lt;Sip&gt;</c> noun (RFC 3261 19.1.1), parsed far enough for RCML: scheme, user,
/// host (a name, IPv4 or IPv6 <c>[..]</c>), port, URI parameters such as <c>transport</c>, and the headers
/// after <c>?</c> that become headers of the INVITE. Independent of the SIP stack, which parses it again
/// for the wire.
/// </summary>
internal sealed partial record RcmlSipUri
{
    /// <summary>The scheme.</summary>
    public SipUriScheme Scheme { get; init; }

    /// <summary>The user part as written (still escaped); null when absent.</summary>
    public string? User { get; init; }

    /// <summary>The password of the user info, as written; null when absent.</summary>
    public string? Password { get; init; }

    /// <summary>The host: a name, an IPv4 address, or an IPv6 address without its brackets.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>True when <see cref="Host"/> is an IPv6 address (written in brackets).</summary>
    public bool IsIPv6Host { get; init; }

    /// <summary>The port; null for the default.</summary>
    public int? Port { get; init; }

    /// <summary>The URI parameters in order, names and values as written; a flag parameter has a null value.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Parameters { get; init; } = [];

    /// <summary>The headers after <c>?</c>, names and values percent-decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The URI as written (trimmed).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The length of the headers part (after <c>?</c>), 0 without headers.</summary>
    public int HeadersLength { get; init; }

    /// <summary>The length of the URI without its headers part: the address Twilio limits to 255 characters.</summary>
    public int AddressLength => HeadersLength == 0 ? Text.Length : Text.Length - HeadersLength - 1;

    /// <summary>The <c>transport</c> parameter in lower case (<c>udp</c>, <c>tcp</c>, <c>tls</c>...); null when absent.</summary>
    public string? Transport
    {
        get
        {
            foreach (var parameter in Parameters)
            {
                if (string.Equals(parameter.Key, "transport", StringComparison.OrdinalIgnoreCase))
                {
                    return parameter.Value?.ToLowerInvariant();
                }
            }

            return null;
        }
    }

    /// <summary>The URI as written.</summary>
    public override string ToString() => Text;
}
