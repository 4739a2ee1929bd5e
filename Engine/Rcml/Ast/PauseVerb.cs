namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Pause&gt;</c>: waits in silence.</summary>
internal sealed record PauseVerb : RcmlVerb
{
    /// <summary>Twilio's default pause.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromSeconds(1);

    /// <summary><c>length</c>, in whole seconds.</summary>
    public TimeSpan Length { get; init; } = DefaultLength;

    /// <inheritdoc/>
    public override string ElementName => "Pause";
}
