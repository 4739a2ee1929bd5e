using System.Net;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>Everything a <see cref="SipStack"/> is started with.</summary>
internal sealed record SipStackOptions
{
    /// <summary>Listen addresses and transport limits.</summary>
    public SipTransportOptions Transport { get; init; } = new();

    /// <summary>T1, T2, T4 (RFC 3261 17.1.1.1).</summary>
    public SipTimers Timers { get; init; } = SipTimers.Default;

    /// <summary>Written in User-Agent and Server headers.</summary>
    public string UserAgent { get; init; } = "RcmlEngine";

    /// <summary>User part of our Contact URIs.</summary>
    public string ContactUser { get; init; } = "rcml";

    /// <summary>Default outbound proxy (per trunk); a call's own <see cref="SipDialOptions.OutboundProxy"/> wins.</summary>
    public SipUri? OutboundProxy { get; init; }

    /// <summary>Default credentials for challenges (per trunk); a call's own credentials win.</summary>
    public SipCredentials? Credentials { get; init; }

    /// <summary>When set, initial INVITEs must carry a valid digest for this realm or get 407 (RFC 3261 22.3).</summary>
    public SipInboundAuthentication? InboundAuthentication { get; init; }

    /// <summary>
    /// When set, requests outside a dialog (INVITE, REGISTER, OPTIONS...) from any other source address are
    /// answered 403; requests inside a dialog are not checked (a trunk may send BYE from anywhere). Null: any source.
    /// </summary>
    public IReadOnlyList<IPNetwork>? AllowedSources { get; init; }

    /// <summary>
    /// New INVITEs (outside a dialog) one source address may send per second; more are answered 503 with
    /// Retry-After (RFC 3261 21.5.4). 0: unlimited.
    /// </summary>
    public int MaxInvitesPerSourcePerSecond { get; init; }

    /// <summary>How hostnames are resolved (RFC 3263); null uses DNS through DnsClient.</summary>
    public ISipResolver? Resolver { get; init; }
}
