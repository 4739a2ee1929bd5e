namespace RcmlEngine.Rcml;

/// <summary>How serious a <see cref="RcmlDiagnostic"/> is.</summary>
internal enum RcmlSeverity
{
    /// <summary>The document runs, but probably not as its author meant.</summary>
    Warning,

    /// <summary>The document is not executed.</summary>
    Error,
}
