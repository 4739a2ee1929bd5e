namespace RcmlEngine.Conferences;

/// <summary>Changes to a participant (the Participants API's update); null leaves a setting as it is.</summary>
internal sealed record ParticipantUpdate
{
    /// <summary><c>Muted</c>.</summary>
    public bool? Muted { get; init; }

    /// <summary><c>Hold</c>.</summary>
    public bool? Hold { get; init; }

    /// <summary><c>HoldUrl</c>.</summary>
    public Uri? HoldUrl { get; init; }

    /// <summary><c>HoldMethod</c>.</summary>
    public string? HoldMethod { get; init; }

    /// <summary><c>EndConferenceOnExit</c>.</summary>
    public bool? EndConferenceOnExit { get; init; }

    /// <summary><c>BeepOnExit</c>.</summary>
    public bool? BeepOnExit { get; init; }

    /// <summary><c>Coaching</c>: false stops coaching.</summary>
    public bool? Coaching { get; init; }

    /// <summary><c>CallSidToCoach</c>.</summary>
    public string? CallSidToCoach { get; init; }

    /// <summary><c>AnnounceUrl</c>: played to this participant only.</summary>
    public Uri? AnnounceUrl { get; init; }

    /// <summary><c>AnnounceMethod</c>.</summary>
    public string? AnnounceMethod { get; init; }
}
