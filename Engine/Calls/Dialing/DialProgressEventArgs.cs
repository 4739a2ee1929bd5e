namespace RcmlEngine.Calls.Dialing;

/// <summary>An outbound leg's progress before its answer.</summary>
/// <param name="progress">Ringing or early media.</param>
/// <param name="sipStatusCode">The provisional response (180, 183).</param>
internal sealed class DialProgressEventArgs(DialProgress progress, int sipStatusCode) : EventArgs
{
    /// <summary>Ringing or early media.</summary>
    public DialProgress Progress { get; } = progress;

    /// <summary>The provisional response (180, 183).</summary>
    public int SipStatusCode { get; } = sipStatusCode;
}
