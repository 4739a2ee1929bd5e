namespace RcmlEngine.Calls.ClickToCall;

/// <summary>A snapshot of a click-to-call setup, for its GET.</summary>
internal sealed record ClickToCallStatus
{
    /// <summary>What the setup does.</summary>
    public required ClickToCallRequest Request { get; init; }

    /// <summary>Where it stands.</summary>
    public required ClickToCallState State { get; init; }

    /// <summary>Transfer (REFER) or bridged by the engine.</summary>
    public required ClickToCallMode Mode { get; init; }

    /// <summary>The CallSid of the engine's leg to the calling party; null when none could be placed.</summary>
    public string? CallSid { get; init; }

    /// <summary>The CallSid of the engine's leg to the called party when bridged; null otherwise.</summary>
    public string? BridgedCallSid { get; init; }

    /// <summary>The SIP status of the last stage (the failure's when failed).</summary>
    public int? SipCode { get; init; }

    /// <summary>Its reason phrase.</summary>
    public string? SipReason { get; init; }

    /// <summary>Why it failed; null unless failed.</summary>
    public string? Error { get; init; }

    /// <summary>When the setup was asked for.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the setup's work ended (failed, transferred, or the bridge ended); null while it goes on.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Until when the result is kept; null while the setup goes on.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Every stage reached, in order.</summary>
    public required IReadOnlyList<ClickToCallEvent> Events { get; init; }
}
