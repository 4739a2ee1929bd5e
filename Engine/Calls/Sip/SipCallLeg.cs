using System.Text;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// An <see cref="ICall"/> over a SIP dialog and an RTP media session: what inbound and outbound legs
/// share. Keys from RFC 4733 events and from SIP INFO reach <see cref="Digits"/> once each (INFO digits
/// go through the media session, so a bridged leg hears them too). The far end hanging up (BYE, CANCEL)
/// or the media going silent ends the call, which cancels whatever runs; a re-INVITE (hold, resume) is
/// answered through the media session. Disposing the leg hangs it up and frees its ports.
/// </summary>
internal abstract partial class SipCallLeg : IBridgeableCall, IAsyncDisposable
{
    /// <summary>How long a key from a SIP INFO without a <c>Duration</c> is taken to last.</summary>
    private static readonly TimeSpan InfoDigitDuration = TimeSpan.FromMilliseconds(160);

    /// <summary>
    /// How long hanging up waits for the far end's answer (200 to BYE, a provisional before CANCEL): a dead
    /// peer must not hold the call (or a shutdown) for the 32 s of a SIP transaction timeout.
    /// </summary>
    private static readonly TimeSpan SignallingGrace = TimeSpan.FromSeconds(2);

    private readonly SipCall _signalling;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Task _watchers = Task.CompletedTask;
    private int _mediaStopped;
    private int _disposed;

    /// <summary>Wires a leg; the derived constructor calls <see cref="StartWatching"/> last.</summary>
    protected SipCallLeg(CallInfo info, SipCall signalling, RtpMediaSession media, SipCallLegContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Info = info;
        _signalling = signalling;
        Media = media;
        Context = context;
        _time = context.Time;
        _logger = context.Logger;
        Lifecycle = new CallLifecycle(_time);
        Digits = new DigitBuffer(_time);
        media.DigitReceived = digit => Digits.Push(digit.Digit);
        signalling.InfoReceived += OnInfo;
        signalling.ReInviteHandler = AnswerReInviteAsync;
    }

    /// <inheritdoc />
    public CallInfo Info { get; }

    /// <inheritdoc />
    public CallLifecycle Lifecycle { get; }

    /// <inheritdoc />
    public DigitBuffer Digits { get; }

    /// <summary>The leg's media session (SDP, RTP, play, record, bridge).</summary>
    internal RtpMediaSession Media { get; }

    /// <summary>The SIP dialog's Call-ID.</summary>
    public string SipCallId => _signalling.CallId;

    /// <summary>The clock, the prompts' audio and the logger.</summary>
    protected SipCallLegContext Context { get; }

    /// <summary>True when audio flows: answered, or early media (183) before the answer.</summary>
    protected virtual bool HasMedia => Lifecycle.IsAnswered;

    /// <summary>Why an engine hang-up before the answer ends the call (an outbound leg is then canceled).</summary>
    protected virtual CallEndReason UnansweredHangUpReason => CallEndReason.EngineHungUp;

    /// <inheritdoc />
    public abstract Task RingAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task AnswerAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task RejectAsync(RejectionReason reason, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual Task RejectAsync(RejectionReason reason, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken) =>
        RejectAsync(reason, cancellationToken);

    /// <inheritdoc />
    public Task HangUpAsync(CancellationToken cancellationToken) => HangUpAsync([], cancellationToken);

    /// <inheritdoc />
    public virtual Task HangUpAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken) =>
        EndAsync(Lifecycle.IsAnswered ? CallEndReason.EngineHungUp : UnansweredHangUpReason, () => _signalling.HangUpAsync(headers, CancellationToken.None));

    /// <summary>Hangs the call up if it is still up, stops its media and waits for its watchers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await HangUpAsync(CancellationToken.None);
        await _watchers;
        Lifecycle.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What ended the call when its dialog ended first (the far end, a failure).</summary>
    protected abstract CallEndReason MapEnd(SipCallEndedEventArgs ended);

    /// <summary>Starts following the dialog and the media; the last statement of a derived constructor.</summary>
    protected void StartWatching() => _watchers = Task.WhenAll(WatchSignallingAsync(), WatchMediaAsync());

    /// <summary>
    /// Ends the call: marks it ended with <paramref name="reason"/> first (so what the far end does next
    /// cannot change the reason), then runs <paramref name="signal"/> (BYE, CANCEL, a rejection) within
    /// <see cref="SignallingGrace"/>, then stops the media. Safe to call more than once.
    /// </summary>
    protected async Task EndAsync(CallEndReason reason, Func<Task>? signal = null)
    {
        if (Lifecycle.MarkEnded(reason))
        {
            LogEnded(Info.CallSid, reason, Lifecycle.Status, Lifecycle.DurationSeconds);
        }

        if (signal is not null)
        {
            try
            {
                await signal().WaitAsync(SignallingGrace, _time);
            }
            catch (TimeoutException)
            {
                // The far end is slow to answer; the SIP layer goes on retransmitting without us.
            }
        }

        if (Interlocked.Exchange(ref _mediaStopped, 1) == 0)
        {
            await Media.StopAsync();
        }
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the token is cancelled or the call has ended.</summary>
    protected void ThrowIfEnded(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Lifecycle.Ended.ThrowIfCancellationRequested();
    }

    /// <summary>As <see cref="ThrowIfEnded"/>, and <see cref="InvalidOperationException"/> before the answer.</summary>
    protected void ThrowUnlessAnswered(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (!HasMedia)
        {
            throw new InvalidOperationException("media needs an answered call (or early media); answer it first");
        }
    }

    /// <summary>The exception an operation ends with when the call ended under it.</summary>
    protected OperationCanceledException CallEnded() => new($"call {Info.CallSid} has ended", Lifecycle.Ended);

    // One token for an operation: the caller's, and the call's end.
    private CancellationTokenSource Link(CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifecycle.Ended);

    private void OnInfo(object? sender, SipInfoEventArgs e)
    {
        if (e.Digit is { } digit)
        {
            // Through the media session: the same path as RFC 4733 keys, so a bridged leg hears it too.
            Media.PushInfoDigit(digit, e.Duration ?? InfoDigitDuration);
        }
    }

    private Task<SipBody?> AnswerReInviteAsync(SipBody offer, CancellationToken cancellationToken)
    {
        if (offer.IsEmpty || !offer.ContentType.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            // A session refresh (or an offerless re-INVITE): the current answer stands.
            return Task.FromResult<SipBody?>(null);
        }

        var exchange = Media.AnswerOffer(Encoding.UTF8.GetString(offer.Content.Span));
        if (!exchange.Succeeded)
        {
            LogReInviteRefused(Info.CallSid, exchange.Error!);

            // The SIP layer answers a failing handler with an error response; the call goes on as it was.
            throw new InvalidOperationException($"re-INVITE offer not acceptable: {exchange.Error}");
        }

        LogReInvited(Info.CallSid, Media.Negotiated?.LocalDirection ?? Media.Direction);
        return Task.FromResult<SipBody?>(SipBody.Sdp(Encoding.UTF8.GetBytes(exchange.Sdp!)));
    }

    private async Task WatchSignallingAsync()
    {
        var ended = await _signalling.Completion;
        if (!Lifecycle.IsEnded)
        {
            LogSignallingEnded(Info.CallSid, ended.Reason, ended.StatusCode);
        }

        await EndAsync(MapEnd(ended));
    }

    private async Task WatchMediaAsync()
    {
        var reason = await Media.Ended;
        if (reason == MediaEndReason.Stopped || Lifecycle.IsEnded)
        {
            return;
        }

        LogMediaLost(Info.CallSid, reason);
        await EndAsync(CallEndReason.MediaLost, () => _signalling.HangUpAsync(CancellationToken.None));
    }
}
