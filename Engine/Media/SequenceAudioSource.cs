namespace RcmlEngine.Media;

/// <summary>
/// Several sources played one after the other, each opened only when its turn comes (speech is synthesized,
/// a file fetched, just before it is heard) and disposed when it ends.
/// </summary>
internal sealed class SequenceAudioSource(IReadOnlyList<Func<CancellationToken, Task<IAudioSource>>> parts) : IAudioSource
{
    private IAudioSource? _current;
    private int _next;

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<short> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_current is null)
            {
                if (_next >= parts.Count)
                {
                    return 0;
                }

                _current = await parts[_next++](cancellationToken);
            }

            var read = await _current.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await _current.DisposeAsync();
            _current = null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }
    }
}
