using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Documents;

/// <summary>Stops <see cref="InterimRcmlReader"/> at the first thing it cannot read; becomes an error diagnostic.</summary>
internal sealed class InvalidRcmlException(string code, SourceSpan span, string message) : Exception(message)
{
    /// <summary>The diagnostic code.</summary>
    public string Code { get; } = code;

    /// <summary>Where.</summary>
    public SourceSpan Span { get; } = span;
}
