using System.Net;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// Digest challenge of inbound INVITEs (407, RFC 3261 22.3): a realm and the password of each allowed
/// user (null for unknown users). INVITEs from <see cref="TrustedSources"/> (a carrier, a proxy in front
/// that cannot answer challenges) are not challenged.
/// </summary>
internal sealed record SipInboundAuthentication(string Realm, Func<string, string?> PasswordFor)
{
    /// <summary>Source ranges whose INVITEs are taken without a challenge.</summary>
    public IReadOnlyList<IPNetwork> TrustedSources { get; init; } = [];

    /// <summary>
    /// Answers with wrong credentials one source may send per minute; past them its INVITEs get 403 without a
    /// check until the minute ends (password guessing). 0: no limit.
    /// </summary>
    public int MaxFailuresPerSourcePerMinute { get; init; } = 10;
}
