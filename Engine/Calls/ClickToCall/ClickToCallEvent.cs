namespace RcmlEngine.Calls.ClickToCall;

/// <summary>One stage a setup reached: its state, the SIP response that brought it, and when.</summary>
/// <param name="State">The stage.</param>
/// <param name="SipCode">The SIP status that brought it (180, 200, 202, a NOTIFY's sipfrag status...); null when none did.</param>
/// <param name="Reason">The reason phrase, or what went wrong.</param>
/// <param name="At">When.</param>
internal sealed record ClickToCallEvent(ClickToCallState State, int? SipCode, string? Reason, DateTimeOffset At);
