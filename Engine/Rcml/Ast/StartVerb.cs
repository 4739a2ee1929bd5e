namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// <c>&lt;Start&gt;</c>: starts something in the background (a <c>&lt;Stream&gt;</c>, a <c>&lt;Transcription&gt;</c>, a
/// <c>&lt;Recording&gt;</c>) and continues with the next verb at once.
/// </summary>
internal sealed record StartVerb : RcmlVerb
{
    /// <summary>What to start, in document order.</summary>
    public IReadOnlyList<RcmlNoun> Nouns { get; init; } = [];

    /// <summary><c>action</c>: Twilio's <c>&lt;Start&gt;</c> may navigate there at once; null when absent.</summary>
    public Uri? Action { get; init; }

    /// <summary><c>method</c> for <see cref="Action"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Start";
}
