namespace RcmlEngine.Sip.UserAgent;

/// <summary>Digest challenge of inbound requests: a realm and the password of each allowed user (null for unknown users).</summary>
internal sealed record SipInboundAuthentication(string Realm, Func<string, string?> PasswordFor);
