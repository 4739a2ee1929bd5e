namespace RcmlEngine.Api.Conferences;

/// <summary>A conference participant as Twilio's API shows it (<c>api.v2010.account.conference.participant</c>).</summary>
internal sealed record ParticipantResource
{
    /// <summary>The account.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The participant's call.</summary>
    public required string CallSid { get; init; }

    /// <summary>Its label; null when it has none.</summary>
    public string? Label { get; init; }

    /// <summary>The participant it coaches; null when it coaches no one.</summary>
    public string? CallSidToCoach { get; init; }

    /// <summary>Whether it coaches someone.</summary>
    public bool Coaching { get; init; }

    /// <summary>Its conference.</summary>
    public required string ConferenceSid { get; init; }

    /// <summary>When it was added.</summary>
    public required string DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    public required string DateUpdated { get; init; }

    /// <summary>Whether the room ends when it leaves.</summary>
    public bool EndConferenceOnExit { get; init; }

    /// <summary>Whether the room does not hear it.</summary>
    public bool Muted { get; init; }

    /// <summary>Whether it is on hold.</summary>
    public bool Hold { get; init; }

    /// <summary>Whether its arrival starts the room.</summary>
    public bool StartConferenceOnEnter { get; init; }

    /// <summary><c>queued</c>, <c>connecting</c>, <c>ringing</c>, <c>connected</c>, <c>complete</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Always null: calls are placed at once, not queued.</summary>
    public string? QueueTime { get; init; }

    /// <summary>This resource's path.</summary>
    public required string Uri { get; init; }
}
