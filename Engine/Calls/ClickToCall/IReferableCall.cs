namespace RcmlEngine.Calls.ClickToCall;

/// <summary>
/// An answered call whose phone can be asked to call someone else itself (SIP REFER, RFC 3515), so the
/// engine leaves the media path. The phone tells how its own call goes through <see cref="TransferProgress"/>.
/// </summary>
internal interface IReferableCall : ICall
{
    /// <summary>
    /// Asks the phone to call <paramref name="target"/> (a SIP URI), naming this call's own party as the
    /// referrer (Referred-By, RFC 3892). Returns the phone's final answer to the request (202: it will;
    /// 405, 501, 603: it will not). Throws <see cref="ArgumentException"/> when the target is not a SIP URI.
    /// </summary>
    Task<TransferAnswer> ReferAsync(string target, CancellationToken cancellationToken);

    /// <summary>
    /// How the phone's own call to the target goes (the NOTIFY sipfrags: 100, 180, 200...). Raised on a
    /// signalling thread: keep handlers short.
    /// </summary>
    event EventHandler<TransferProgressEventArgs>? TransferProgress;
}
