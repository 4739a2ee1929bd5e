using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Documents;

/// <summary>What reading a body produced.</summary>
/// <param name="Document">The document; null when none could be read.</param>
/// <param name="Diagnostics">Errors and warnings, in document order.</param>
internal sealed record RcmlReading(RcmlDocument? Document, IReadOnlyList<RcmlDiagnostic> Diagnostics)
{
    /// <summary>True when there is a document and no error: it may run.</summary>
    public bool IsRunnable => Document is not null && !Diagnostics.Any(d => d.IsError);
}
