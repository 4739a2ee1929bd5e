namespace RcmlEngine.Api.CallController;

/// <summary>One stage of a setup in its status JSON.</summary>
/// <param name="State">ringing, answered, referred, transfer-ringing, connected, failed.</param>
/// <param name="SipCode">The SIP status that brought it, or null.</param>
/// <param name="Reason">Its reason phrase, or what went wrong.</param>
/// <param name="At">When (ISO 8601, UTC).</param>
internal sealed record CallControllerEventJson(string State, int? SipCode, string? Reason, string At);
