namespace RcmlEngine.Notifications;

/// <summary>
/// An inbound call connected to an agent: the <c>payload</c> of a <c>"call"</c> notification
/// (docs/notifications.md). Serialized with snake_case names in declaration order.
/// </summary>
internal sealed record InboundCallNotification
{
    /// <summary>The caller (the call's <c>From</c>).</summary>
    public required string Number { get; init; }

    /// <summary>The number the caller dialled (the call's <c>To</c>).</summary>
    public required string DialNumber { get; init; }

    /// <summary>Whole seconds the caller waited in a queue; 0 when it was not queued.</summary>
    public int HoldTime { get; init; }

    /// <summary>The caller's CallSid.</summary>
    public required string CallRef { get; init; }

    /// <summary>A reference the caller entered (see <c>Notifications:ContactRefParameter</c>), or empty.</summary>
    public string ContactRef { get; init; } = string.Empty;

    /// <summary>Always <c>inbound</c>: only inbound calls are notified.</summary>
    public string CallDir { get; init; } = "inbound";

    /// <summary>The agent: the client name, or the extension of the agent's phone.</summary>
    public required string Ref { get; init; }
}
