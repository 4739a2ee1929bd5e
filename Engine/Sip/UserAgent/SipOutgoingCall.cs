using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// A call we placed. Provisional responses (ringing, early media) arrive as <see cref="Provisional"/>;
/// <see cref="Outcome"/> completes with the final answer. 401/407 are answered with the credentials,
/// 3xx followed, and every 2xx (retransmissions included) ACKed.
/// </summary>
internal sealed partial class SipOutgoingCall : SipCall
{
    private readonly SipDialOptions _options;
    private readonly string _localTag;
    private readonly TaskCompletionSource<SipCallOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _provisionalOrFinal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SipInviteClientTransaction? _invite;
    private (SipRemote Target, byte[] Bytes)? _ack;
    private bool _cancelRequested;
    private SipTimer? _ringTimer;
    private readonly Lock _provisionalLock = new();
    private EventHandler<SipProvisionalEventArgs>? _provisional;
    private SipProvisionalEventArgs? _lastProvisional;

    internal SipOutgoingCall(SipStack stack, SipDialOptions options)
        : this(stack, options, SipStack.NewTag())
    {
    }

    private SipOutgoingCall(SipStack stack, SipDialOptions options, string localTag)
        : base(stack, SipStack.NewCallId(), localTag)
    {
        _options = options;
        _localTag = localTag;
        Credentials = options.Credentials ?? stack.Options.Credentials;
        PinnedDestination = options.Destination;
    }

    /// <summary>
    /// A provisional response arrived (180, 183 with early media...). A handler added after one arrived
    /// gets the last at once: the INVITE is sent before the caller of <see cref="SipStack.Dial"/> can
    /// subscribe, and a peer on the same host answers 183 within microseconds. Raised on the SIP receive
    /// loop, in order: keep handlers short, never blocking (hand longer work to the thread pool).
    /// </summary>
    public event EventHandler<SipProvisionalEventArgs>? Provisional
    {
        add
        {
            SipProvisionalEventArgs? last;
            lock (_provisionalLock)
            {
                _provisional += value;
                last = _lastProvisional;
            }

            if (last is not null)
            {
                value?.Invoke(this, last);
            }
        }

        remove
        {
            lock (_provisionalLock)
            {
                _provisional -= value;
            }
        }
    }

    /// <summary>The final answer: 2xx answered, or the failure (408 no answer, 487 cancelled, 503 unreachable...).</summary>
    public Task<SipCallOutcome> Outcome => _outcome.Task;

    /// <summary>
    /// Cancels the call before answer (RFC 3261 9.1: waits for a provisional response first); once
    /// answered, hangs up with BYE instead.
    /// </summary>
    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        lock (Sync)
        {
            if (_cancelRequested || State == SipCallState.Ended)
            {
                return;
            }

            _cancelRequested = true;
        }

        await _provisionalOrFinal.Task.WaitAsync(cancellationToken);
        if (Outcome.IsCompleted)
        {
            if (State == SipCallState.Confirmed)
            {
                await ByeAsync([], cancellationToken);
            }

            return;
        }

        var invite = _invite!;
        var cancel = new SipRequest(SipMethods.Cancel, invite.Request.Uri);
        foreach (var route in invite.Request.Headers.GetValues(SipHeaderNames.Route))
        {
            cancel.Headers.Add(SipHeaderNames.Route, route);
        }

        cancel.Headers.Add(SipHeaderNames.MaxForwards, "70");
        cancel.Headers.Add(SipHeaderNames.From, invite.Request.Headers[SipHeaderNames.From]!);
        cancel.Headers.Add(SipHeaderNames.To, invite.Request.Headers[SipHeaderNames.To]!);
        cancel.Headers.Add(SipHeaderNames.CallId, CallId);
        cancel.Headers.Add(SipHeaderNames.CSeq, new SipCSeq(invite.Request.CSeq!.Value.Number, SipMethods.Cancel).ToString());

        // RFC 3261 9.1: same branch, same place as the INVITE.
        var destination = new SipDestination(invite.Target.Transport, invite.Target.EndPoint, TransportExplicit: true);
        var transaction = Stack.Transactions.StartClient(cancel, destination, invite.Request.TopVia!.Branch, cancellationToken: cancellationToken);
        await transaction.Final.WaitAsync(cancellationToken);
    }

    /// <summary>Before answer: CANCEL; after: BYE.</summary>
    public override Task HangUpAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default) =>
        State == SipCallState.Confirmed ? ByeAsync(headers, cancellationToken) : CancelAsync(cancellationToken);

    internal void Begin(CancellationToken cancellationToken)
    {
        Stack.Track(this);
        if (_options.RingTimeout is { } timeout)
        {
            _ringTimer = Stack.Queue.Schedule(timeout, () => _ = CancelAsync());
        }

        _ = RunAsync(cancellationToken);
    }

    /// <summary>A 2xx arrived after its transaction ended: ACK it again.</summary>
    internal void OnSuccessRetransmission(SipResponse response)
    {
        if (_ack is { } ack)
        {
            Stack.Transactions.Send(ack.Target, ack.Bytes);
        }
    }
}
