namespace RcmlEngine.Calls.Records;

/// <summary>
/// What the engine keeps of a call after it (and while it) happens: Twilio's Call resource. A snapshot of
/// <see cref="ICall.Info"/> and <see cref="ICall.Lifecycle"/> at <see cref="DateUpdated"/>; times are
/// kept to the millisecond by the store.
/// </summary>
internal sealed record CallRecord
{
    /// <summary>The call's sid (<c>CA</c> + 32 hex).</summary>
    public required string Sid { get; init; }

    /// <summary>The account it belongs to.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The call that created it (a <c>&lt;Dial&gt;</c> leg's parent); null for a first leg.</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>The caller.</summary>
    public required string From { get; init; }

    /// <summary>The called party.</summary>
    public required string To { get; init; }

    /// <summary><c>inbound</c>, <c>outbound-api</c> or <c>outbound-dial</c>.</summary>
    public required CallDirection Direction { get; init; }

    /// <summary>The status at <see cref="DateUpdated"/>.</summary>
    public required CallStatus Status { get; init; }

    /// <summary>When the call was created; the records' order (newest first) and their page tokens use it.</summary>
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When the record last changed (the last status change).</summary>
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>When the call started (created, or dialed for an outbound leg).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it ended; null while it is live.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>When it was answered; null when it was not (yet).</summary>
    public DateTimeOffset? AnswerTime { get; init; }

    /// <summary>Talk time in whole seconds, rounded up, once ended (0 when never answered); null while live.</summary>
    public int? Duration { get; init; }

    /// <summary>The caller's display name, when given.</summary>
    public string? CallerName { get; init; }

    /// <summary>Where the call was forwarded from, when known.</summary>
    public string? ForwardedFrom { get; init; }

    /// <summary>Answering machine detection's verdict; null (detection is not supported yet).</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>True once the call has ended (its status is final).</summary>
    public bool IsEnded => EndTime is not null;

    /// <summary>
    /// A snapshot of <paramref name="call"/> now (<paramref name="now"/> becomes <see cref="DateUpdated"/>).
    /// Reads the lifecycle without its lock, so it may be called from a lifecycle observer.
    /// </summary>
    public static CallRecord Of(ICall call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var info = call.Info;
        var lifecycle = call.Lifecycle;
        var ended = lifecycle.EndTime;
        var answered = lifecycle.AnswerTime;
        return new CallRecord
        {
            Sid = info.CallSid,
            AccountSid = info.AccountSid,
            ParentCallSid = info.ParentCallSid,
            From = info.From,
            To = info.To,
            Direction = info.Direction,
            Status = lifecycle.Status,
            DateCreated = lifecycle.StartTime,
            DateUpdated = now,
            StartTime = lifecycle.StartTime,
            EndTime = ended,
            AnswerTime = answered,
            Duration = ended is { } end ? TalkSeconds(answered, end) : null,
            CallerName = info.CallerName,
            ForwardedFrom = info.ForwardedFrom,
        };
    }

    // As CallLifecycle.DurationSeconds (Twilio's CallDuration), without taking the lifecycle's lock.
    private static int TalkSeconds(DateTimeOffset? answered, DateTimeOffset ended)
    {
        if (answered is not { } start || ended <= start)
        {
            return 0;
        }

        return (int)Math.Ceiling((ended - start).TotalSeconds);
    }
}
