namespace RcmlEngine.Media;

/// <summary>Samples already in memory (8 kHz mono), played from the start.</summary>
internal sealed class PcmAudioSource(ReadOnlyMemory<short> samples) : IAudioSource
{
    private int _position;

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<short> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = Math.Min(buffer.Length, samples.Length - _position);
        samples.Span.Slice(_position, count).CopyTo(buffer.Span);
        _position += count;
        return ValueTask.FromResult(count);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
