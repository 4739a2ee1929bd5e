using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>An outgoing call: whom to call, as whom, with what body, headers and credentials.</summary>
internal sealed record SipDialOptions(SipUri Target)
{
    /// <summary>The caller (From); null makes <c>sip:rcml@local-address</c>. A tag is added.</summary>
    public SipNameAddress? From { get; init; }

    /// <summary>The callee (To); null uses <see cref="Target"/>.</summary>
    public SipNameAddress? To { get; init; }

    /// <summary>Extra headers, e.g. <c>X-Account</c> or <c>User-to-User</c>, added as given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The offer (usually SDP), or none for a late offer.</summary>
    public SipBody Body { get; init; } = SipBody.None;

    /// <summary>Answers 401/407 challenges; null falls back to the stack's trunk credentials.</summary>
    public SipCredentials? Credentials { get; init; }

    /// <summary>Sends the INVITE through this proxy (a pre-loaded <c>;lr</c> Route); null uses the stack's.</summary>
    public SipUri? OutboundProxy { get; init; }

    /// <summary>Forces a transport (adds <c>;transport=</c> to the target when it has none).</summary>
    public SipTransportKind? Transport { get; init; }

    /// <summary>Follow 3xx redirects to their Contacts (RFC 3261 8.1.3.4).</summary>
    public bool FollowRedirects { get; init; } = true;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>CANCEL the call when no final answer came within this time; null waits forever (RFC 3261 Timer C's role).</summary>
    public TimeSpan? RingTimeout { get; init; }

    /// <summary>
    /// Sends the INVITE and every later request of the call (CANCEL, ACK, BYE, re-INVITE...) to this
    /// address and transport instead of where the Request-URI or the remote target resolves. For a
    /// registered client it is the binding's <c>Flow</c> (where its REGISTER came from, RFC 3581), which
    /// reaches a UA behind a NAT whose Contact names a private address. Null resolves as usual (RFC 3263).
    /// </summary>
    public SipDestination? Destination { get; init; }
}
