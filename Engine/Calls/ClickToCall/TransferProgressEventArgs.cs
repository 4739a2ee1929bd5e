namespace RcmlEngine.Calls.ClickToCall;

/// <summary>News of the call a phone placed on a transfer request (a NOTIFY's sipfrag status line).</summary>
/// <param name="statusCode">The status of the phone's call (100, 180, 183, 200, 486...).</param>
/// <param name="reasonPhrase">Its reason phrase.</param>
/// <param name="isFinal">True when no more news will come.</param>
internal sealed class TransferProgressEventArgs(int statusCode, string reasonPhrase, bool isFinal) : EventArgs
{
    /// <summary>The status of the phone's call (100, 180, 183, 200, 486...).</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Its reason phrase.</summary>
    public string ReasonPhrase { get; } = reasonPhrase;

    /// <summary>True when no more news will come.</summary>
    public bool IsFinal { get; } = isFinal;
}
