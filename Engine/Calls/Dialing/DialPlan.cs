using System.Globalization;
using System.Text;

namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// Where phone numbers are called: the trunk whose prefix is the longest match for the number (ties: the
/// first configured), and the number rewritten for it. A number no trunk takes cannot be called.
/// </summary>
internal sealed class DialPlan(IReadOnlyList<TrunkRoute> trunks)
{
    /// <summary>A plan without trunks: no number can be called.</summary>
    public static DialPlan Empty { get; } = new([]);

    /// <summary>The trunks, in configured order.</summary>
    public IReadOnlyList<TrunkRoute> Trunks { get; } = trunks;

    /// <summary>
    /// The number as compared and rewritten: without spaces and the punctuation people write in numbers
    /// (<c>( ) - . /</c>); a leading <c>+</c> kept.
    /// </summary>
    public static string Normalize(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var kept = new StringBuilder(number.Length);
        foreach (var c in number.Trim())
        {
            if (!char.IsWhiteSpace(c) && c is not ('(' or ')' or '-' or '.' or '/'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// The trunk for <paramref name="number"/> and the SIP URI to call there (<c>sip:REWRITTEN@host:port;transport=</c>),
    /// or false with the reason.
    /// </summary>
    public bool TryRoute(string number, out TrunkRoute? trunk, out string? uri, out string? error)
    {
        var normalized = Normalize(number ?? string.Empty);
        trunk = Trunks
            .Where(t => normalized.StartsWith(t.Prefix, StringComparison.Ordinal))
            .OrderByDescending(t => t.Prefix.Length)
            .FirstOrDefault();
        uri = null;
        if (trunk is null)
        {
            error = Trunks.Count == 0
                ? $"no trunk is configured (Trunks), so the number '{number}' cannot be called"
                : $"no trunk takes the number '{number}' (prefixes: {string.Join(", ", Trunks.Select(t => t.Prefix.Length == 0 ? "(any)" : t.Prefix))})";
            return false;
        }

        var rewritten = trunk.Prepend + (trunk.Strip >= normalized.Length ? string.Empty : normalized[trunk.Strip..]);
        if (rewritten.Length == 0)
        {
            error = $"trunk {trunk.Name} rewrites '{number}' to nothing (Strip {trunk.Strip})";
            return false;
        }

        var host = trunk.Host.Contains(':', StringComparison.Ordinal) && !trunk.Host.StartsWith('[') ? $"[{trunk.Host}]" : trunk.Host;
        var port = trunk.Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : string.Empty;
        uri = $"sip:{EscapeUser(rewritten)}@{host}{port};transport={trunk.Transport.ToLowerInvariant()}";
        error = null;
        return true;
    }

    /// <summary>RFC 3261 25.1: a user part keeps unreserved and user-unreserved characters; others (<c>#</c>) are escaped.</summary>
    private static string EscapeUser(string user)
    {
        var escaped = new StringBuilder(user.Length);
        foreach (var c in user)
        {
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()&=+$,;?/".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }

        return escaped.ToString();
    }
}
