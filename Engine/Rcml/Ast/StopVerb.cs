namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Stop&gt;</c>: stops what a <c>&lt;Start&gt;</c> started, by name.</summary>
internal sealed record StopVerb : RcmlVerb
{
    /// <summary>What to stop: <see cref="StreamNoun"/> or <see cref="TranscriptionNoun"/>, by their name.</summary>
    public IReadOnlyList<RcmlNoun> Nouns { get; init; } = [];

    /// <inheritdoc/>
    public override string ElementName => "Stop";
}
