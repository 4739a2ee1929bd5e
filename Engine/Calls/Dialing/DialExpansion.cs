namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// The SIP legs that ring one Dial party: one for a SIP URI or a number, one per registration for a
/// client, or why it cannot be called at all.
/// </summary>
/// <param name="Requests">The requests to dial, each a SIP target; empty when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the party cannot be called (no trunk for the number, an unsupported transport, a client not registered); null when it can.</param>
internal sealed record DialExpansion(IReadOnlyList<DialRequest> Requests, string? Error)
{
    /// <summary>The Dial status a party that cannot be called counts as: failed, or no-answer for a client not registered now.</summary>
    public DialStatus FailureStatus { get; init; } = DialStatus.Failed;

    /// <summary>True when the party cannot be called.</summary>
    public bool Failed => Error is not null;

    /// <summary>One request, as it is.</summary>
    public static DialExpansion Of(DialRequest request) => new([request], null);

    /// <summary>A party that cannot be called, and why.</summary>
    public static DialExpansion Failure(string error, DialStatus status = DialStatus.Failed) => new([], error) { FailureStatus = status };
}
