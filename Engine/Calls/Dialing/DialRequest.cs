using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Calls.Dialing;

/// <summary>A new outbound leg: whom to call, as whom, and the call it belongs to.</summary>
internal sealed record DialRequest
{
    /// <summary>
    /// What to call, as <see cref="Kind"/> says: a SIP URI (<c>sip:alice@192.0.2.1:5062;transport=tcp?X-Customer=42</c>,
    /// whose headers after <c>?</c> are put on the INVITE), a phone number, or a client name. Only SIP
    /// targets are dialed; <see cref="ICallDialer.Expand"/> turns the others into SIP targets.
    /// </summary>
    public required string Target { get; init; }

    /// <summary>What <see cref="Target"/> names. Default a SIP URI.</summary>
    public DialTargetKind Kind { get; init; } = DialTargetKind.Sip;

    /// <summary>
    /// The new leg's identity for its webhooks (a fresh CallSid, the account, From, To,
    /// <see cref="CallDirection.OutboundDial"/>, the parent's sid).
    /// </summary>
    public required CallInfo Info { get; init; }

    /// <summary>The From user or SIP URI of the INVITE (Dial's <c>callerId</c>); null uses <see cref="CallInfo.From"/>.</summary>
    public string? CallerId { get; init; }

    /// <summary>Extra INVITE headers (<c>X-...</c>, <c>User-to-User</c>), after those of the target URI.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Credentials answering a 401/407 challenge; null for none.</summary>
    public string? Username { get; init; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary>How long it may ring before it is cancelled (no-answer); null waits for the callee's final answer.</summary>
    public TimeSpan? RingTimeout { get; init; }

    /// <summary>Follow a 3xx redirect to its Contacts (call forwarding); false ends the attempt with the 3xx as its outcome.</summary>
    public bool FollowRedirects { get; init; } = true;

    /// <summary>
    /// Where the INVITE and every later request of the leg go instead of where the target resolves: a
    /// registered client's flow (set by <see cref="ICallDialer.Expand"/>). Null resolves the target.
    /// </summary>
    public SipDestination? Destination { get; init; }
}
