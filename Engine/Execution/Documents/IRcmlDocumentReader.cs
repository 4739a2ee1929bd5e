namespace RcmlEngine.Execution.Documents;

/// <summary>
/// Turns a fetched body into a document and its diagnostics: the seam between the interpreter and the
/// RCML parser and validator.
/// </summary>
internal interface IRcmlDocumentReader
{
    /// <summary>
    /// Parses and validates <paramref name="body"/> (encoding from its BOM or XML declaration, else
    /// UTF-8). Never throws for bad content: the result's diagnostics say what is wrong and where.
    /// </summary>
    RcmlReading Read(ReadOnlyMemory<byte> body);
}
