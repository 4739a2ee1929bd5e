using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution;

/// <summary>
/// What the interpreter needs to know of the application a call is routed to (Twilio's phone number
/// voice settings): where its RCML comes from, where to fall back, where to report the call's progress.
/// </summary>
internal sealed record CallApplication
{
    /// <summary>The first document's URL (absolute http or https).</summary>
    public required Uri VoiceUrl { get; init; }

    /// <summary>How <see cref="VoiceUrl"/> is requested. Default POST.</summary>
    public RcmlHttpMethod VoiceMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary>
    /// The first document given inline (the REST API's <c>Twiml</c>): run instead of fetching
    /// <see cref="VoiceUrl"/>, which then only resolves its relative URLs. Null fetches the voice URL.
    /// </summary>
    public string? VoiceTwiml { get; init; }

    /// <summary>The longest this call may last (the REST API's <c>TimeLimit</c>), below <c>Limits:MaxCallDuration</c>; null: that limit only.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Keys sent to the called party when it answers, before the first document (the REST API's <c>SendDigits</c>).</summary>
    public string? SendDigits { get; init; }

    /// <summary>Requested when a document cannot be fetched or is not valid RCML; null for none.</summary>
    public Uri? VoiceFallbackUrl { get; init; }

    /// <summary>How <see cref="VoiceFallbackUrl"/> is requested. Default POST.</summary>
    public RcmlHttpMethod VoiceFallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary>Receives the call's status callbacks; null for none.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>How <see cref="StatusCallback"/> is requested. Default POST.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary>Which progress events are reported. Default <c>completed</c> only (as Twilio's numbers).</summary>
    public CallProgressEvents StatusCallbackEvent { get; init; } = CallProgressEvents.Completed;
}
