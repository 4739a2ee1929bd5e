namespace RcmlEngine.Webhooks.Fetching;

/// <summary>
/// Reads a response body as a stream, never holding more than the cap plus one read buffer, so a huge
/// or endless response cannot exhaust memory.
/// </summary>
internal static class CappedBody
{
    private const int ChunkBytes = 8 * 1024;

    /// <summary>The body, or <c>TooLarge</c> as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<(byte[] Body, bool TooLarge)> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return ([], true);
        }

        var initial = (int)Math.Min(content.Headers.ContentLength ?? ChunkBytes, maxBytes) + 1;
        var buffer = new byte[Math.Max(initial, 1)];
        var length = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return ([], true);
                }
            }
        }

        return (buffer[..length], false);
    }

    /// <summary>At most <paramref name="maxBytes"/> of the body, cut there if longer (for error reports).</summary>
    public static async Task<byte[]> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(maxBytes, 0)];
        var length = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
        }

        return buffer[..length];
    }
}
