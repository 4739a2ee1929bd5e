namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Gather speechTimeout&gt;</c>: a number of seconds of silence, or <c>auto</c>.</summary>
/// <param name="Duration">The silence that ends speech input; null for <c>auto</c>.</param>
internal readonly record struct SpeechTimeout(TimeSpan? Duration)
{
    /// <summary><c>auto</c>: the recognizer decides when the caller has finished.</summary>
    public static SpeechTimeout Auto => new(null);

    /// <summary>True for <c>auto</c>.</summary>
    public bool IsAuto => Duration is null;
}
