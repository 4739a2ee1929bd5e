using RcmlEngine.Sip.Dialogs;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// What incoming and outgoing calls share: the dialog, the in-dialog requests either side may send
/// (BYE, re-INVITE, INFO, REFER, NOTIFY) and the notifications the call layer listens to.
/// Handlers and events run on the SIP stack's threads: keep them short, or hand work off.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The token source lives as long as the call and holds no timer; it is cancelled when the call ends.")]
internal abstract partial class SipCall
{
    private readonly CancellationTokenSource _ended = new();
    private readonly TaskCompletionSource<SipCallEndedEventArgs> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected SipCall(SipStack stack, string callId, string localTag)
    {
        Stack = stack;
        CallId = callId;
        Key = SipStack.CallKey(callId, localTag);
    }

    public string CallId { get; }

    public SipCallState State { get; protected set; } = SipCallState.Trying;

    /// <summary>The last body we sent (offer or answer); a session refresh answers with it again.</summary>
    public SipBody LocalBody { get; protected set; } = SipBody.None;

    /// <summary>The last body the peer sent.</summary>
    public SipBody RemoteBody { get; protected set; } = SipBody.None;

    /// <summary>Cancelled when the call ends, however it ends; its callbacks run on the thread pool.</summary>
    public CancellationToken CallCancelled => _ended.Token;

    /// <summary>Completes when the call ends.</summary>
    public Task<SipCallEndedEventArgs> Completion => _completion.Task;

    /// <summary>The call ended (BYE either way, CANCEL, rejection, failure). Raised on the SIP receive loop: keep handlers short, never blocking; <see cref="Completion"/> continues elsewhere.</summary>
    public event EventHandler<SipCallEndedEventArgs>? Ended;

    /// <summary>An INFO arrived (DTMF relay and others); already answered 200. Raised on the SIP receive loop: keep handlers short, never blocking.</summary>
    public event EventHandler<SipInfoEventArgs>? InfoReceived;

    /// <summary>A NOTIFY about a REFER this call sent (RFC 3515). Raised on the SIP receive loop: keep handlers short, never blocking.</summary>
    public event EventHandler<SipReferProgressEventArgs>? ReferProgress;

    /// <summary>
    /// Answers a re-INVITE from the peer: gets the offer (empty for an offerless re-INVITE) and returns
    /// the answer body, or null to answer with <see cref="LocalBody"/> again (a session refresh).
    /// Without a handler every re-INVITE is answered with <see cref="LocalBody"/>.
    /// </summary>
    public Func<SipBody, CancellationToken, Task<SipBody?>>? ReInviteHandler { get; set; }

    /// <summary>Decides on a REFER from the peer; without a handler REFER is declined (603).</summary>
    public Func<SipIncomingRefer, CancellationToken, Task>? ReferHandler { get; set; }

    internal string Key { get; }

    internal SipStack Stack { get; }

    /// <summary>The dialog; for an outgoing call null until a response with a To tag arrives.</summary>
    internal SipDialog? Dialog { get; set; }

    /// <summary>The call's admission (overload control), released when the call ends.</summary>
    internal IDisposable? Admission { get; init; }

    protected Lock Sync { get; } = new();

    /// <summary>Ends the call here without signalling (stack shutdown).</summary>
    internal void EndLocally(SipCallEndReason reason, int statusCode) => End(reason, statusCode);

    protected bool End(SipCallEndReason reason, int statusCode)
    {
        lock (Sync)
        {
            if (State == SipCallState.Ended)
            {
                return false;
            }

            State = SipCallState.Ended;
            if (Dialog is not null)
            {
                Dialog.State = SipDialogState.Terminated;
            }
        }

        Stack.Forget(this);
        Admission?.Dispose();
        var args = new SipCallEndedEventArgs(reason, statusCode);
        _completion.TrySetResult(args);
        Ended?.Invoke(this, args);

        // End runs on the SIP receive loop: what waits on the token (a whole call's teardown) continues on
        // the thread pool, not here. The token reads as cancelled at once.
        _ = _ended.CancelAsync();
        return true;
    }

    protected void RaiseInfo(SipInfoEventArgs args) => InfoReceived?.Invoke(this, args);

    protected void RaiseReferProgress(SipReferProgressEventArgs args) => ReferProgress?.Invoke(this, args);

    /// <summary>Adds Content-Type and the body to a message, and remembers what we sent.</summary>
    protected static void SetBody(SipMessage message, SipBody body)
    {
        if (!body.IsEmpty)
        {
            message.Headers.Set(SipHeaderNames.ContentType, body.ContentType);
            message.Body = body.Content;
        }
    }

    protected static SipBody BodyOf(SipMessage message) =>
        message.Body.IsEmpty ? SipBody.None : new SipBody(message.Body, message.ContentType ?? "application/octet-stream");
}
