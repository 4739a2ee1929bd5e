using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Execution.Outbound;

/// <summary>A call to place and run (the REST API's <c>POST Calls.json</c>), already checked.</summary>
internal sealed record OutboundCallRequest
{
    /// <summary>Whom to call: a SIP URI (headers and transport included), a number, or a client name.</summary>
    public required string To { get; init; }

    /// <summary>What <see cref="To"/> names.</summary>
    public required DialTargetKind ToKind { get; init; }

    /// <summary>The caller shown to the called party and sent as <c>From</c>.</summary>
    public required string From { get; init; }

    /// <summary>The From of the INVITE when it differs from <see cref="From"/> (<c>CallerId</c>); null uses <see cref="From"/>.</summary>
    public string? CallerId { get; init; }

    /// <summary>The documents the call runs once answered, and where its progress is reported.</summary>
    public required CallApplication Application { get; init; }

    /// <summary>Its account.</summary>
    public required CallAccount Account { get; init; }

    /// <summary>How long it may ring (<c>Timeout</c>).</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Credentials answering the called party's digest challenge (<c>SipAuthUsername</c>).</summary>
    public string? Username { get; init; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Record the call from its answer (<c>Record=true</c>); null does not.</summary>
    public OutboundRecording? Recording { get; init; }
}
