namespace RcmlEngine.Calls.Dialing;

/// <summary>How an outbound leg's attempt ended: its status and the SIP final response (for the Dial action's parameters).</summary>
/// <param name="Status">Answered, busy, no answer, failed, canceled.</param>
/// <param name="SipStatusCode">The final SIP status (200, 486...); 0 when no request could be sent.</param>
/// <param name="Reason">The reason phrase, or what went wrong before any response.</param>
internal sealed record DialOutcome(DialStatus Status, int SipStatusCode, string Reason)
{
    /// <summary>The final response's headers (<c>DialSipHeader_X-*</c>); empty when there was none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>True when the callee answered.</summary>
    public bool IsAnswered => Status == DialStatus.Answered;
}
