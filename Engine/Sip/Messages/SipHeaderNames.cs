using System.Text;

namespace RcmlEngine.Sip.Messages;

/// <summary>
/// Header names: canonical spellings, the compact forms of RFC 3261 7.3.3 (and RFC 3515, 3892, 4028),
/// and which headers may carry comma-separated lists (RFC 3261 7.3.1).
/// </summary>
internal static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string ContentEncoding = "Content-Encoding";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string ProxyRequire = "Proxy-Require";
    public const string Unsupported = "Unsupported";
    public const string Allow = "Allow";
    public const string Accept = "Accept";
    public const string Expires = "Expires";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Subject = "Subject";
    public const string Authorization = "Authorization";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string Event = "Event";
    public const string SubscriptionState = "Subscription-State";
    public const string SessionExpires = "Session-Expires";
    public const string AllowEvents = "Allow-Events";
    public const string Date = "Date";
    public const string RetryAfter = "Retry-After";
    public const string Reason = "Reason";
    public const string UserToUser = "User-to-User";
    public const string Timestamp = "Timestamp";
    public const string MinExpires = "Min-Expires";

    private static readonly Dictionary<string, string> Canonical = BuildCanonical();

    private static readonly HashSet<string> ListHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        Via, Contact, Route, RecordRoute, Supported, Require, ProxyRequire, Unsupported, Allow, Accept,
        "Accept-Encoding", "Accept-Language", ContentEncoding, "Allow-Events", "In-Reply-To", "Warning", "Error-Info",
        "Alert-Info", "Call-Info", "Content-Language", "Reply-To", "Path", "Service-Route",
    };

    /// <summary>Header names that must appear at most once (RFC 3261 20 and 4475 3.3.8).</summary>
    public static readonly string[] SingleValued = [From, To, CallId, CSeq, MaxForwards, ContentLength, ContentType];

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CanonicalLookup =
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The canonical spelling of a header name, expanding compact forms; unknown names are kept.</summary>
    public static string Canonicalize(ReadOnlySpan<char> name) =>
        CanonicalLookup.TryGetValue(name, out var canonical) ? canonical : name.ToString();

    /// <summary>Canonicalizes an ASCII name straight from bytes, allocating only for unknown names.</summary>
    public static string Canonicalize(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[64];
        if (name.Length > chars.Length)
        {
            return Encoding.UTF8.GetString(name);
        }

        for (var i = 0; i < name.Length; i++)
        {
            chars[i] = (char)name[i];
        }

        return Canonicalize(chars[..name.Length]);
    }

    /// <summary>True for headers whose values are comma-separated lists.</summary>
    public static bool IsList(string name) => ListHeaders.Contains(name);

    private static Dictionary<string, string> BuildCanonical()
    {
        string[] names =
        [
            Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, ContentEncoding, Route, RecordRoute,
            Supported, Require, ProxyRequire, Unsupported, Allow, Accept, Expires, UserAgent, Server, Subject, Authorization,
            ProxyAuthorization, WwwAuthenticate, ProxyAuthenticate, ReferTo, ReferredBy, Event, SubscriptionState,
            SessionExpires, AllowEvents, Date, RetryAfter, Reason, UserToUser, Timestamp, MinExpires,
            "Accept-Encoding", "Accept-Language", "Alert-Info", "Call-Info", "Content-Disposition", "Content-Language",
            "Error-Info", "In-Reply-To", "MIME-Version", "Organization", "Priority", "Reply-To", "Warning",
            "Authentication-Info", "Min-SE", "P-Asserted-Identity", "Replaces", "Path", "Service-Route", "Diversion",
        ];
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            map[name] = name;
        }

        // RFC 3261 7.3.3 compact forms, plus Refer-To (RFC 3515), Referred-By (RFC 3892),
        // Session-Expires (RFC 4028), Event and Allow-Events (RFC 6665).
        (string Compact, string Full)[] compact =
        [
            ("i", CallId), ("m", Contact), ("e", ContentEncoding), ("l", ContentLength), ("c", ContentType),
            ("f", From), ("s", Subject), ("k", Supported), ("t", To), ("v", Via), ("r", ReferTo), ("b", ReferredBy),
            ("x", SessionExpires), ("o", Event), ("u", AllowEvents),
        ];
        foreach (var (c, full) in compact)
        {
            map[c] = full;
        }

        return map;
    }
}
