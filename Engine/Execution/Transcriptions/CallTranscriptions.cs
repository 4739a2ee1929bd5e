namespace RcmlEngine.Execution.Transcriptions;

/// <summary>
/// The transcriptions running on one call, by name (one without <c>name</c> is known by its TranscriptionSid), so
/// that <c>&lt;Stop&gt;&lt;Transcription name&gt;</c> finds them. A transcription removes itself when it ends.
/// </summary>
internal sealed class CallTranscriptions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunningTranscription> _byName = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="transcription"/>; false when a running one already has its name.</summary>
    public bool TryAdd(RunningTranscription transcription)
    {
        ArgumentNullException.ThrowIfNull(transcription);
        lock (_lock)
        {
            return _byName.TryAdd(transcription.Name, transcription);
        }
    }

    /// <summary>True when a transcription of that name runs.</summary>
    public bool Contains(string name)
    {
        lock (_lock)
        {
            return _byName.ContainsKey(name);
        }
    }

    /// <summary>Takes the transcription named <paramref name="name"/> out; null when none runs.</summary>
    public RunningTranscription? Remove(string name)
    {
        lock (_lock)
        {
            return _byName.Remove(name, out var transcription) ? transcription : null;
        }
    }

    /// <summary>Takes <paramref name="transcription"/> out if it is still the one under its name.</summary>
    public void Remove(RunningTranscription transcription)
    {
        ArgumentNullException.ThrowIfNull(transcription);
        lock (_lock)
        {
            if (_byName.TryGetValue(transcription.Name, out var current) && ReferenceEquals(current, transcription))
            {
                _byName.Remove(transcription.Name);
            }
        }
    }
}
