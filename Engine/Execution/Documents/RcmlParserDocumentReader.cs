using RcmlEngine.Rcml.Parsing;

namespace RcmlEngine.Execution.Documents;

/// <summary>
/// Reads documents with the engine's RCML parser: XML (DTDs never processed), the vocabulary, the schema
/// and the validator. Errors keep a document from running (12100); warnings are reported (12200).
/// </summary>
internal sealed class RcmlParserDocumentReader(RcmlParser parser) : IRcmlDocumentReader
{
    /// <summary>A reader over <see cref="RcmlParser.Default"/>.</summary>
    public RcmlParserDocumentReader()
        : this(RcmlParser.Default)
    {
    }

    /// <inheritdoc />
    public RcmlReading Read(ReadOnlyMemory<byte> body)
    {
        var result = parser.Parse(body);
        return new RcmlReading(result.Document, result.Diagnostics);
    }
}
