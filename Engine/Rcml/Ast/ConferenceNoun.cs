namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Conference&gt;</c>: a named conference room to join.</summary>
internal sealed record ConferenceNoun : RcmlNoun
{
    /// <summary>Twilio's default and highest <c>maxParticipants</c>.</summary>
    public const int DefaultMaxParticipants = 250;

    /// <summary>The room's name: the element's text, or Restcomm's <c>name</c> attribute.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>muted</c>: the participant only listens.</summary>
    public bool Muted { get; init; }

    /// <summary><c>beep</c>.</summary>
    public ConferenceBeep Beep { get; init; } = ConferenceBeep.Always;

    /// <summary><c>startConferenceOnEnter</c>: the room starts when this participant joins.</summary>
    public bool StartConferenceOnEnter { get; init; } = true;

    /// <summary><c>endConferenceOnExit</c>: the room ends when this participant leaves.</summary>
    public bool EndConferenceOnExit { get; init; }

    /// <summary>
    /// <c>waitUrl</c>: audio or a document played until the room starts. Null: the default music;
    /// an empty URL (<c>waitUrl=""</c>): silence, see <see cref="WaitInSilence"/>.
    /// </summary>
    public Uri? WaitUrl { get; init; }

    /// <summary>True when <c>waitUrl=""</c> asks for no wait music.</summary>
    public bool WaitInSilence => WaitUrl is { OriginalString.Length: 0 };

    /// <summary><c>waitMethod</c>.</summary>
    public RcmlHttpMethod WaitMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>maxParticipants</c> (2 to 250).</summary>
    public int MaxParticipants { get; init; } = DefaultMaxParticipants;

    /// <summary><c>record</c>.</summary>
    public ConferenceRecording Record { get; init; } = ConferenceRecording.DoNotRecord;

    /// <summary><c>trim</c> of the recording.</summary>
    public RecordingTrim Trim { get; init; } = RecordingTrim.TrimSilence;

    /// <summary><c>statusCallbackEvent</c>.</summary>
    public ConferenceEvents StatusCallbackEvent { get; init; } = ConferenceEvents.None;

    /// <summary><c>statusCallback</c>.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary><c>statusCallbackMethod</c>.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>recordingStatusCallback</c>.</summary>
    public Uri? RecordingStatusCallback { get; init; }

    /// <summary><c>recordingStatusCallbackMethod</c>.</summary>
    public RcmlHttpMethod RecordingStatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>recordingStatusCallbackEvent</c>.</summary>
    public RecordingEvents RecordingStatusCallbackEvent { get; init; } = RecordingEvents.Completed;

    /// <summary><c>participantLabel</c>: a name for this participant, unique in the room (128 characters at most).</summary>
    public string? ParticipantLabel { get; init; }

    /// <summary><c>coach</c>: the CallSid of a participant this one coaches (heard by that participant only).</summary>
    public string? Coach { get; init; }

    /// <summary><c>jitterBufferSize</c>: how much of this participant's audio may wait to be mixed.</summary>
    public ConferenceJitterBuffer JitterBufferSize { get; init; } = ConferenceJitterBuffer.Large;

    /// <summary>Restcomm's nested <c>&lt;Video&gt;</c>.</summary>
    public VideoNoun? Video { get; init; }

    /// <inheritdoc/>
    public override string ElementName => "Conference";
}
