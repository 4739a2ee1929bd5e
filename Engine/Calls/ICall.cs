using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls;

/// <summary>
/// One call leg as the interpreter drives it. The real implementation is a SIP dialog plus an RTP media
/// session; <see cref="Virtual.VirtualPhone"/> is the in-process one for tests and <c>rcml run</c>.
/// <para>
/// Contract for implementations: report every transition to <see cref="Lifecycle"/> (ringing, answered,
/// ended — including the far end hanging up, which must call <see cref="CallLifecycle.MarkEnded"/> with
/// <see cref="CallEndReason.CallerHungUp"/>); push every DTMF key received into <see cref="Digits"/>;
/// stop any operation with <see cref="OperationCanceledException"/> when its token is cancelled. Media
/// operations (<see cref="PlayAsync"/>, <see cref="CollectDigitsAsync"/>, <see cref="RecordAsync"/>) need an
/// answered call: the interpreter answers first, and implementations may throw
/// <see cref="InvalidOperationException"/> otherwise. Operations on an ended call throw
/// <see cref="OperationCanceledException"/>.
/// </para>
/// </summary>
internal interface ICall
{
    /// <summary>Who, from where, to what: the fixed facts sent with every webhook.</summary>
    CallInfo Info { get; }

    /// <summary>Status, times, end reason, and the <see cref="CallLifecycle.Ended"/> token.</summary>
    CallLifecycle Lifecycle { get; }

    /// <summary>Keys the caller pressed and nothing has read yet.</summary>
    DigitBuffer Digits { get; }

    /// <summary>
    /// Tells the caller the call is being handled, before the first document is fetched (SIP: 180
    /// Ringing), and marks it ringing. Idempotent; does nothing once answered.
    /// </summary>
    Task RingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Answers the call (SIP: 200 OK with the SDP answer, completes when the ACK arrives; media flows from
    /// then on) and marks it answered. Idempotent: returns at once when already answered.
    /// </summary>
    Task AnswerAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Declines the unanswered call (SIP: 486 Busy Here for <see cref="RejectionReason.Busy"/>, 603 Decline
    /// otherwise) and marks it ended (<c>busy</c> / <c>no-answer</c>). Throws
    /// <see cref="InvalidOperationException"/> when the call is already answered (hang up instead).
    /// </summary>
    Task RejectAsync(RejectionReason reason, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the call from the engine's side (SIP: BYE when answered; when not, a final error response)
    /// and marks it ended with <see cref="CallEndReason.EngineHungUp"/>. Idempotent; any running
    /// operation stops because <see cref="CallLifecycle.Ended"/> is cancelled.
    /// </summary>
    Task HangUpAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RejectAsync(RejectionReason, CancellationToken)"/> with <paramref name="headers"/> on the
    /// rejection (SIP: <c>X-</c> headers from <c>&lt;Reject&gt;&lt;Parameter&gt;</c>, already checked). A call
    /// that has nowhere to put headers rejects without them.
    /// </summary>
    Task RejectAsync(RejectionReason reason, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken) =>
        RejectAsync(reason, cancellationToken);

    /// <summary>
    /// <see cref="HangUpAsync(CancellationToken)"/> with <paramref name="headers"/> on the BYE (or on the
    /// final response before the answer): <c>X-</c> headers from <c>&lt;Hangup&gt;&lt;Parameter&gt;</c>, already
    /// checked. A call that has nowhere to put headers hangs up without them.
    /// </summary>
    Task HangUpAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken) =>
        HangUpAsync(cancellationToken);

    /// <summary>
    /// Plays <paramref name="prompts"/> in order, each <see cref="Prompt.Loop"/> times (0: until the call
    /// ends or an interruption). A prompt that cannot be played is skipped and reported in
    /// <see cref="PlaybackResult.Failures"/>. With <paramref name="interruptOnDigit"/>, the first key the
    /// caller presses stops the playback and is returned in <see cref="PlaybackResult.InterruptedBy"/>,
    /// left unread in <see cref="Digits"/> (implementations use <see cref="InterruptiblePlayback"/>).
    /// </summary>
    Task<PlaybackResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool interruptOnDigit, CancellationToken cancellationToken);

    /// <summary>
    /// <c>&lt;Gather&gt;</c>'s media part: drops keys pressed before it started, plays
    /// <paramref name="prompts"/> until the first key, then collects keys per <paramref name="options"/>.
    /// Implementations clear <see cref="Digits"/> and call <see cref="DigitCollector.PlayAndCollectAsync"/>.
    /// </summary>
    Task<DigitCollection> CollectDigitsAsync(IReadOnlyList<Prompt> prompts, DigitCollectOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Records what the caller says into <see cref="RecordingRequest.FilePath"/> (WAV), after a beep when
    /// asked, until a finish key, the silence timeout or the maximum length. Keys pressed before it
    /// started are dropped. When the call ends while recording, the file is finished and returned with
    /// <see cref="RecordingEnd.Hangup"/> (Twilio still posts such a recording to the action URL); when only
    /// <paramref name="cancellationToken"/> is cancelled, throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken);
}
