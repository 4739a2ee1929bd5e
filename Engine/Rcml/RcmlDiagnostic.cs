using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml;

/// <summary>A problem found in an RCML document, with where it is.</summary>
/// <param name="Code">A stable code from <see cref="RcmlDiagnosticCodes"/> (<c>RCML2001</c>).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Span">Where it is (1-based line and column).</param>
/// <param name="Message">What is wrong and, where it helps, what to write instead.</param>
internal sealed record RcmlDiagnostic(string Code, RcmlSeverity Severity, SourceSpan Span, string Message)
{
    /// <summary>1-based line.</summary>
    public int Line => Span.Line;

    /// <summary>1-based column.</summary>
    public int Column => Span.Column;

    /// <summary>True for <see cref="RcmlSeverity.Error"/>.</summary>
    public bool IsError => Severity == RcmlSeverity.Error;

    /// <summary>An error.</summary>
    public static RcmlDiagnostic Error(string code, SourceSpan span, string message) => new(code, RcmlSeverity.Error, span, message);

    /// <summary>A warning.</summary>
    public static RcmlDiagnostic Warning(string code, SourceSpan span, string message) => new(code, RcmlSeverity.Warning, span, message);

    /// <summary><c>line:col: error CODE: message</c>, the compiler-style form.</summary>
    public override string ToString() =>
        $"{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
