namespace RcmlEngine.Calls.ClickToCall;

/// <summary>The phone's final answer to a transfer request (REFER).</summary>
/// <param name="StatusCode">The SIP status (202 accepted; 405, 501, 603 refused...).</param>
/// <param name="ReasonPhrase">Its reason phrase.</param>
internal sealed record TransferAnswer(int StatusCode, string ReasonPhrase)
{
    /// <summary>True when the phone will place the call (2xx).</summary>
    public bool IsAccepted => StatusCode is >= 200 and < 300;

    /// <summary>
    /// True when the phone does not do transfers at all (405 Method Not Allowed, 501 Not Implemented, 603
    /// Decline): the engine then connects the parties itself.
    /// </summary>
    public bool IsRefusal => StatusCode is 405 or 501 or 603;
}
