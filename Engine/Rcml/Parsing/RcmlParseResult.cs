using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>What parsing produced: the document (null when not even a <c>&lt;Response&gt;</c> could be read,
/// partial after an XML error) and every diagnostic, ordered by position.</summary>
/// <param name="Document">The document, possibly partial; null when there is none.</param>
/// <param name="Diagnostics">Errors and warnings in document order.</param>
internal sealed record RcmlParseResult(RcmlDocument? Document, IReadOnlyList<RcmlDiagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error: such a document must not be executed.</summary>
    public bool HasErrors { get; } = Diagnostics.Any(d => d.IsError);

    /// <summary>True when there is a document and no error.</summary>
    public bool IsExecutable => Document is not null && !HasErrors;

    /// <summary>The errors.</summary>
    public IEnumerable<RcmlDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>The warnings.</summary>
    public IEnumerable<RcmlDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
