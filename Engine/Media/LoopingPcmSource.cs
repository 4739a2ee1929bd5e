namespace RcmlEngine.Media;

/// <summary>
/// Samples already in memory played round and round until the reader stops (music on hold): reading is a copy,
/// so a thousand callers waiting on the same tune cost a memory copy each, not a synthesis each.
/// </summary>
internal sealed class LoopingPcmSource(ReadOnlyMemory<short> cycle) : IAudioSource
{
    private int _position;

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<short> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (cycle.IsEmpty)
        {
            return ValueTask.FromResult(0);
        }

        var destination = buffer.Span;
        var written = 0;
        while (written < destination.Length)
        {
            var count = Math.Min(destination.Length - written, cycle.Length - _position);
            cycle.Span.Slice(_position, count).CopyTo(destination[written..]);
            written += count;
            _position = (_position + count) % cycle.Length;
        }

        return ValueTask.FromResult(written);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
