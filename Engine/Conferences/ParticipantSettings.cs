namespace RcmlEngine.Conferences;

/// <summary>How a participant takes part: the <c>&lt;Conference&gt;</c> attributes, or the Participants API's parameters.</summary>
internal sealed record ParticipantSettings
{
    /// <summary><c>participantLabel</c>: unique in the room.</summary>
    public string? Label { get; init; }

    /// <summary>Joins muted.</summary>
    public bool Muted { get; init; }

    /// <summary>When the room beeps for this participant.</summary>
    public ConferenceBeepWhen Beep { get; init; } = ConferenceBeepWhen.Always;

    /// <summary>The room starts when this participant is in it with someone else.</summary>
    public bool StartConferenceOnEnter { get; init; } = true;

    /// <summary>The room ends when this participant leaves.</summary>
    public bool EndConferenceOnExit { get; init; }

    /// <summary>The CallSid of the participant this one coaches, or null.</summary>
    public string? CallSidToCoach { get; init; }

    /// <summary>How much audio the mixer gathers from this participant before mixing it (samples, 8 kHz).</summary>
    public int JitterSamples { get; init; } = 480;

    /// <summary>The room's capacity when this participant creates it (2 to 250).</summary>
    public int MaxParticipants { get; init; } = Conference.MaxParticipantsLimit;

    /// <summary>The room's status callback when this participant is the first to name one.</summary>
    public ConferenceCallbackTarget? Callbacks { get; init; }
}
