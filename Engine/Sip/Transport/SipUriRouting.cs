using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

/// <summary>Routing views of a SIP URI.</summary>
internal static class SipUriRouting
{
    /// <summary>RFC 3263 4: the maddr parameter, when present, replaces the host for routing.</summary>
    public static string MAddrOrHost(this SipUri uri) =>
        uri.Parameters["maddr"] is { Length: > 0 } maddr ? maddr.Trim('[', ']') : uri.HostWithoutBrackets;
}
