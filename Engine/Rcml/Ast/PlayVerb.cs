namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Play&gt;</c>: plays an audio file, or DTMF tones with <c>digits</c>.</summary>
internal sealed record PlayVerb : RcmlVerb
{
    /// <summary>The audio URL (the element's text), relative to the document's URL; null when absent.</summary>
    public Uri? Url { get; init; }

    /// <summary><c>digits</c>: DTMF to play (<c>0-9 * #</c>, <c>w</c> waits half a second, <c>W</c> one second).</summary>
    public string? Digits { get; init; }

    /// <summary><c>loop</c>: how many times to play; 0 repeats until the call ends.</summary>
    public int Loop { get; init; } = 1;

    /// <inheritdoc/>
    public override string ElementName => "Play";
}
