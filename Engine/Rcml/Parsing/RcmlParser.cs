using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// Parses RCML documents into an <see cref="Ast.RcmlDocument"/> plus diagnostics. Never throws on bad
/// input: whatever the bytes, the result says what is wrong and where. Stateless and thread-safe: one
/// instance serves every call (the schema is compiled once per process).
/// </summary>
internal sealed class RcmlParser
{
    private const int InitialBufferBytes = 8 * 1024;

    /// <summary>Creates a parser; <paramref name="options"/> defaults to <see cref="RcmlParserOptions.Default"/>.</summary>
    public RcmlParser(RcmlParserOptions? options = null)
    {
        Options = options ?? RcmlParserOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxDocumentBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxDepth, 2);
        if (Options.CheckSchema)
        {
            // Compile the schema now rather than inside the first call.
            _ = RcmlSchema.Set;
        }
    }

    /// <summary>A parser with the default options.</summary>
    public static RcmlParser Default { get; } = new();

    /// <summary>The limits and switches in force.</summary>
    public RcmlParserOptions Options { get; }

    /// <summary>
    /// Reads a document from a stream (an HTTP body) up to the size cap, then parses it. Stops reading as
    /// soon as the cap is passed. I/O failures and cancellation propagate; content problems never do.
    /// </summary>
    public async Task<RcmlParseResult> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var cap = Options.MaxDocumentBytes;
        if (stream.CanSeek && stream.Length - stream.Position > cap)
        {
            // A file: its real size is known without reading it.
            return TooLarge($"{stream.Length - stream.Position} bytes");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(cap + 1, InitialBufferBytes));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(cap + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap + 1) - length), cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > cap)
                {
                    return TooLarge($"more than {cap} bytes");
                }
            }

            return ParseBytes(new ArraySegment<byte>(buffer, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses an HTTP response body; a declared length over the cap is refused without reading.</summary>
    public async Task<RcmlParseResult> ParseAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is { } declared && declared > Options.MaxDocumentBytes)
        {
            return TooLarge($"{declared} bytes");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ParseAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Parses a document held in memory (its encoding comes from its BOM or XML declaration).</summary>
    public RcmlParseResult Parse(ReadOnlyMemory<byte> document)
    {
        if (document.Length > Options.MaxDocumentBytes)
        {
            return TooLarge($"{document.Length} bytes");
        }

        return ParseBytes(MemoryMarshal.TryGetArray(document, out var segment) ? segment : new ArraySegment<byte>(document.ToArray()));
    }

    /// <summary>Parses a document held in a string.</summary>
    public RcmlParseResult Parse(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bytes = Encoding.UTF8.GetByteCount(document);
        if (bytes > Options.MaxDocumentBytes)
        {
            return TooLarge($"{bytes} bytes");
        }

        // A byte order mark decoded into the string by a careless caller is not content.
        document = document.TrimStart('\uFEFF');
        var session = new RcmlParseSession(Options, () => document);
        using var reader = new StringReader(document);
        session.Reader.Read(reader);
        return session.Complete();
    }

    private RcmlParseResult ParseBytes(ArraySegment<byte> bytes)
    {
        var session = new RcmlParseSession(Options, () => InputProbe.Decode(bytes));
        using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        session.Reader.Read(stream);
        return session.Complete();
    }

    private RcmlParseResult TooLarge(string size) =>
        new(null, [RcmlDiagnostic.Error(RcmlDiagnosticCodes.DocumentTooLarge, new(1, 1),
            $"the document is too large ({size}; the limit is {Options.MaxDocumentBytes} bytes)")]);
}
