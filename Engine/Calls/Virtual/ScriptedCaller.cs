namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// A caller following a script: one entry per listening (Gather or Record), in order. Once the script is
/// used up the caller hangs up at the next listening, so a looping menu cannot run forever.
/// </summary>
internal sealed class ScriptedCaller : IVirtualCaller
{
    private readonly Queue<string> _entries;

    /// <summary>A caller answering each listening with the next of <paramref name="entries"/>.</summary>
    public ScriptedCaller(IEnumerable<string> entries) => _entries = new Queue<string>(entries);

    /// <summary>A caller that stays silent at every listening and never hangs up.</summary>
    public static IVirtualCaller Silent { get; } = new SilentCaller();

    /// <summary>
    /// Reads <c>rcml run --digits</c>: entries separated by commas (<c>1#,,42#</c> keys <c>1#</c> at the
    /// first Gather, nothing at the second, <c>42#</c> at the third).
    /// </summary>
    public static ScriptedCaller Parse(string script) =>
        new((script ?? string.Empty).Split(',').Select(entry => entry.Trim()));

    /// <summary>Entries not used yet.</summary>
    public int Remaining
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<string?> NextInputAsync(VirtualInput input, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            return ValueTask.FromResult(_entries.TryDequeue(out var entry) ? entry : null);
        }
    }

    private sealed class SilentCaller : IVirtualCaller
    {
        public ValueTask<string?> NextInputAsync(VirtualInput input, CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>(string.Empty);
    }
}
