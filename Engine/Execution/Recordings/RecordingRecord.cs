namespace RcmlEngine.Execution.Recordings;

/// <summary>What the engine keeps of a finished recording: Twilio's Recording resource. Times are kept to the millisecond.</summary>
internal sealed record RecordingRecord
{
    /// <summary>The recording's sid (<c>RE</c> + 32 hex).</summary>
    public required string Sid { get; init; }

    /// <summary>The account it belongs to.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The call it was made in.</summary>
    public required string CallSid { get; init; }

    /// <summary>The conference it was made in; null (conference recordings are not made yet).</summary>
    public string? ConferenceSid { get; init; }

    /// <summary>When the record was created (the recording finished); the listing's order uses it.</summary>
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When the record last changed.</summary>
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>When the recording started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Its length in whole seconds, rounded up (Twilio's <c>RecordingDuration</c>).</summary>
    public required int Duration { get; init; }

    /// <summary>1 (mono) or 2 (dual: one party per channel).</summary>
    public required int Channels { get; init; }

    /// <summary>What made it: <see cref="RecordingSources.RecordVerb"/>, <see cref="RecordingSources.DialVerb"/>, <see cref="RecordingSources.OutboundApi"/>.</summary>
    public required string Source { get; init; }

    /// <summary>Twilio's recording status: <c>completed</c>, <c>absent</c>...</summary>
    public required string Status { get; init; }

    /// <summary>The WAV file (the recording store's).</summary>
    public required string FilePath { get; init; }

    /// <summary>The record of a finished, non-empty recording made in its call now (<paramref name="now"/>).</summary>
    public static RecordingRecord Completed(StoredRecording stored, string source, int channels, DateTimeOffset started, int seconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new RecordingRecord
        {
            Sid = stored.RecordingSid,
            AccountSid = stored.AccountSid,
            CallSid = stored.CallSid,
            DateCreated = now,
            DateUpdated = now,
            StartTime = started,
            Duration = seconds,
            Channels = channels,
            Source = source,
            Status = "completed",
            FilePath = stored.FilePath,
        };
    }
}
