namespace RcmlEngine.Calls;

/// <summary>
/// A call's status and times, shared by every implementation of <see cref="ICall"/>: the implementation
/// reports what happened (<see cref="MarkRinging"/>, <see cref="MarkAnswered"/>, <see cref="MarkEnded"/>)
/// and the interpreter reads the state, observes the changes (status callbacks) and is cancelled through
/// <see cref="Ended"/>. Transitions only go forward; repeating one is a no-op. Thread-safe.
/// </summary>
internal sealed class CallLifecycle : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _ended = new();
    private readonly List<CallStatusChange> _history = [];
    private readonly List<Action<CallStatusChange>> _observers = [];

    /// <summary>Starts a call's life now, in <paramref name="initial"/> status (inbound: initiated; API: queued).</summary>
    public CallLifecycle(TimeProvider time, CallStatus initial = CallStatus.Initiated)
    {
        if (initial is not (CallStatus.Queued or CallStatus.Initiated))
        {
            throw new ArgumentOutOfRangeException(nameof(initial), initial, "a call starts queued or initiated");
        }

        _time = time;
        StartTime = time.GetUtcNow();
        Status = initial;
        _history.Add(new CallStatusChange(initial, StartTime));
        CallMetrics.OnStarted();
    }

    /// <summary>The current status.</summary>
    public CallStatus Status { get; private set; }

    /// <summary>When the call was created.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>When it was answered; null until then.</summary>
    public DateTimeOffset? AnswerTime { get; private set; }

    /// <summary>When it ended; null until then.</summary>
    public DateTimeOffset? EndTime { get; private set; }

    /// <summary>What ended it; null until it ends.</summary>
    public CallEndReason? EndReason { get; private set; }

    /// <summary>True once answered (and still after it ends).</summary>
    public bool IsAnswered => AnswerTime is not null;

    /// <summary>True once ended.</summary>
    public bool IsEnded => EndTime is not null;

    /// <summary>Cancelled when the call ends, whoever ends it; everything running for the call stops with it.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>
    /// Talk time in whole seconds, rounded up (Twilio's <c>CallDuration</c>): from the answer to the end
    /// (or to now while in progress); 0 for a call never answered.
    /// </summary>
    public int DurationSeconds
    {
        get
        {
            lock (_sync)
            {
                if (AnswerTime is not { } answered)
                {
                    return 0;
                }

                var talk = (EndTime ?? _time.GetUtcNow()) - answered;
                return talk <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(talk.TotalSeconds);
            }
        }
    }

    /// <summary>Time since <see cref="StartTime"/>.</summary>
    public TimeSpan Elapsed => _time.GetUtcNow() - StartTime;

    /// <summary>The call rings (inbound: 180 Ringing sent). False when it is past that already.</summary>
    public bool MarkRinging() => Advance(CallStatus.Ringing, answered: false);

    /// <summary>The call is answered (inbound: 200 OK sent and acknowledged). False when it was already.</summary>
    public bool MarkAnswered() => Advance(CallStatus.InProgress, answered: true);

    /// <summary>
    /// The call has ended. The final status follows from <paramref name="reason"/> and whether it was
    /// answered: answered calls end <c>completed</c>; unanswered ones <c>canceled</c> (the caller hung up, or
    /// the engine cancelled an outbound leg),
    /// <c>busy</c> or <c>no-answer</c> (rejected), or <c>failed</c>. Observers are told first, then
    /// <see cref="Ended"/> is cancelled. False when it had already ended.
    /// </summary>
    public bool MarkEnded(CallEndReason reason)
    {
        lock (_sync)
        {
            if (EndTime is not null)
            {
                return false;
            }

            var now = _time.GetUtcNow();
            EndTime = now;
            EndReason = reason;
            Status = FinalStatus(reason, AnswerTime is not null);
            RecordLocked(new CallStatusChange(Status, now));
        }

        CallMetrics.OnEnded(Status);
        _ended.Cancel();
        return true;
    }

    /// <summary>
    /// Calls <paramref name="observer"/> with every change so far (in order, before returning), then with
    /// each later one, on the thread that makes it, in order. Observers run under the lifecycle's lock:
    /// they must be quick and must not call back into it. Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Action<CallStatusChange> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_sync)
        {
            foreach (var change in _history)
            {
                observer(change);
            }

            _observers.Add(observer);
        }

        return new Subscription(this, observer);
    }

    /// <summary>Disposes the <see cref="Ended"/> source.</summary>
    public void Dispose() => _ended.Dispose();

    private static CallStatus FinalStatus(CallEndReason reason, bool answered) => (reason, answered) switch
    {
        (_, true) => CallStatus.Completed,
        (CallEndReason.CallerHungUp or CallEndReason.Canceled, false) => CallStatus.Canceled,
        (CallEndReason.RejectedBusy, false) => CallStatus.Busy,
        (CallEndReason.Rejected, false) => CallStatus.NoAnswer,
        _ => CallStatus.Failed,
    };

    private bool Advance(CallStatus to, bool answered)
    {
        lock (_sync)
        {
            // CallStatus declares Queued, Initiated, Ringing, InProgress in lifecycle order.
            if (EndTime is not null || Status >= to)
            {
                return false;
            }

            var now = _time.GetUtcNow();
            if (answered)
            {
                AnswerTime = now;
            }

            Status = to;
            RecordLocked(new CallStatusChange(to, now));
        }

        if (answered && AnswerTime is { } answeredAt)
        {
            CallMetrics.OnAnswered(answeredAt - StartTime);
        }

        return true;
    }

    // Observers run under the lock so that they see the changes in the order they happened.
    private void RecordLocked(CallStatusChange change)
    {
        _history.Add(change);
        foreach (var observer in _observers)
        {
            observer(change);
        }
    }

    private void Unsubscribe(Action<CallStatusChange> observer)
    {
        lock (_sync)
        {
            _observers.Remove(observer);
        }
    }

    private sealed class Subscription(CallLifecycle owner, Action<CallStatusChange> observer) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(observer);
    }
}
