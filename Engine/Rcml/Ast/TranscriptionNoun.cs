namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// <c>&lt;Transcription&gt;</c> of <c>&lt;Start&gt;</c> or <c>&lt;Stop&gt;</c>: real-time transcription of the call, with
/// Twilio's attributes. Run by the interpreter's transcription runner.
/// </summary>
internal sealed record TranscriptionNoun : RcmlNoun
{
    /// <summary><c>name</c>: names the transcription for <c>&lt;Stop&gt;</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>track</c>: <c>inbound_track</c> (default), <c>outbound_track</c> or <c>both_tracks</c>.</summary>
    public StreamTrack Track { get; init; } = StreamTrack.InboundTrack;

    /// <summary><c>statusCallbackUrl</c>: receives the transcription events.</summary>
    public Uri? StatusCallbackUrl { get; init; }

    /// <summary><c>statusCallbackMethod</c>.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>languageCode</c> (Twilio's default <c>en-US</c>).</summary>
    public string LanguageCode { get; init; } = "en-US";

    /// <summary><c>transcriptionEngine</c> (<c>google</c>, <c>deepgram</c>...); null when absent.</summary>
    public string? TranscriptionEngine { get; init; }

    /// <summary><c>speechModel</c>; null when absent.</summary>
    public string? SpeechModel { get; init; }

    /// <summary><c>hints</c>: words or phrases likely to be said, comma separated.</summary>
    public string? Hints { get; init; }

    /// <summary><c>partialResults</c>: send interim results too.</summary>
    public bool PartialResults { get; init; }

    /// <summary><c>enableAutomaticPunctuation</c>.</summary>
    public bool EnableAutomaticPunctuation { get; init; } = true;

    /// <summary><c>profanityFilter</c>.</summary>
    public bool ProfanityFilter { get; init; } = true;

    /// <summary><c>inboundTrackLabel</c>: how the caller is named in the results.</summary>
    public string? InboundTrackLabel { get; init; }

    /// <summary><c>outboundTrackLabel</c>: how the other side is named in the results.</summary>
    public string? OutboundTrackLabel { get; init; }

    /// <summary><c>intelligenceService</c>: a Twilio Conversational Intelligence service sid.</summary>
    public string? IntelligenceService { get; init; }

    /// <summary>The <c>&lt;Parameter&gt;</c> children, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <inheritdoc/>
    public override string ElementName => "Transcription";
}
