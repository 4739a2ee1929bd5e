namespace RcmlEngine.Sip.Messages;

internal sealed partial class SipUri
{
    /// <summary>URI parameters that, when present in either URI, must be present and equal in both (RFC 3261 19.1.4).</summary>
    private static readonly string[] ParametersThatMustMatch = ["user", "ttl", "method", "maddr", "transport"];

    /// <summary>
    /// URI equivalence of RFC 3261 19.1.4 (how a registrar tells whether a Contact is a binding it
    /// holds): same scheme; user and password compared case-sensitively after unescaping; host
    /// case-insensitively; a port, or a user/ttl/method/maddr/transport parameter, present in one only
    /// makes them differ (an absent port does not equal an explicit 5060); other parameters are compared
    /// only when both carry them; headers must match. Other schemes compare as written, case-insensitively.
    /// </summary>
    public bool IsEquivalentTo(SipUri other)
    {
        if (!string.Equals(Scheme, other.Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsSip)
        {
            return string.Equals(ToString(), other.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        if (!string.Equals(UnescapedUser, other.UnescapedUser, StringComparison.Ordinal) ||
            !string.Equals(Password is null ? null : Unescape(Password), other.Password is null ? null : Unescape(other.Password), StringComparison.Ordinal) ||
            !string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase) || Port != other.Port ||
            !string.Equals(Headers, other.Headers, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var name in ParametersThatMustMatch)
        {
            if (!string.Equals(Parameters[name], other.Parameters[name], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        foreach (var (name, _) in Parameters.Items)
        {
            if (other.Parameters[name] is { } theirs && !string.Equals(Parameters[name], theirs, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
