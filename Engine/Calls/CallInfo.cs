namespace RcmlEngine.Calls;

/// <summary>
/// What identifies a call and is sent with every webhook of it. Fixed when the call is created; what
/// changes (status, times) lives in <see cref="CallLifecycle"/>.
/// </summary>
internal sealed record CallInfo
{
    /// <summary><c>CA</c> + 32 lowercase hex (<see cref="TwilioSid.NewCallSid"/>).</summary>
    public required string CallSid { get; init; }

    /// <summary>The account the call belongs to (<c>AC</c> + 32 hex).</summary>
    public required string AccountSid { get; init; }

    /// <summary>The caller: a number (<c>+15551234567</c>) or, for SIP, the From URI's user or the URI.</summary>
    public required string From { get; init; }

    /// <summary>The called party: the Request-URI user for inbound SIP calls.</summary>
    public required string To { get; init; }

    /// <summary>Who started the call.</summary>
    public CallDirection Direction { get; init; } = CallDirection.Inbound;

    /// <summary>The call that created this one (a <c>&lt;Dial&gt;</c> leg's parent); null for a first leg.</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>Where the call was forwarded from (SIP <c>Diversion</c> or <c>History-Info</c>), when known.</summary>
    public string? ForwardedFrom { get; init; }

    /// <summary>The caller's display name (the From header's display name), when given.</summary>
    public string? CallerName { get; init; }

    /// <summary>The SIP <c>Call-ID</c> of the inbound dialog, for SIP calls.</summary>
    public string? SipCallId { get; init; }

    /// <summary>The IP address the INVITE came from, for SIP calls.</summary>
    public string? SipSourceIp { get; init; }

    /// <summary>
    /// The request's <c>X-</c> headers, name as received (<c>X-Customer-Id</c>) and value; each is sent as
    /// a <c>SipHeader_X-Customer-Id</c> webhook parameter.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> SipHeaders { get; init; } = [];
}
