namespace RcmlEngine.Rcml.Parsing;

/// <summary>Limits and switches of an <see cref="RcmlParser"/>.</summary>
internal sealed record RcmlParserOptions
{
    /// <summary>The default size cap: 64 KiB, far above any real document, far below harm.</summary>
    public const int DefaultMaxDocumentBytes = 64 * 1024;

    /// <summary>The default nesting cap (RCML itself needs 4 levels, SSML a few more).</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The defaults.</summary>
    public static RcmlParserOptions Default { get; } = new();

    /// <summary>Documents larger than this many bytes are refused without being parsed.</summary>
    public int MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>Elements nested deeper than this stop the parse with an error.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Check every document against <c>schemas/rcml.xsd</c> too (on by default).</summary>
    public bool CheckSchema { get; init; } = true;

    /// <summary>Run the <see cref="Validation.RcmlValidator"/> on the built document (on by default).</summary>
    public bool Validate { get; init; } = true;
}
