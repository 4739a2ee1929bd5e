namespace RcmlEngine.Media.Recording;

/// <summary>
/// Why the owner of a recording is about to cancel it (a finish key), set before the cancellation so the
/// recorder reports that cause instead of a hang-up. Unset, a cancellation means the call ended.
/// </summary>
internal sealed class RecordingStopCause
{
    private readonly Lock _lock = new();
    private (RecordingEnd End, char? Key)? _cause;

    /// <summary>The cause given, or null.</summary>
    public (RecordingEnd End, char? Key)? Cause
    {
        get
        {
            lock (_lock)
            {
                return _cause;
            }
        }
    }

    /// <summary>Records the cause; the first one given wins.</summary>
    public void Set(RecordingEnd end, char? key = null)
    {
        lock (_lock)
        {
            _cause ??= (end, key);
        }
    }
}
