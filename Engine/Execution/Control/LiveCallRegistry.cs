using System.Collections.Concurrent;

namespace RcmlEngine.Execution.Control;

/// <summary>
/// Every call in progress on this engine, by CallSid: the calls the interpreter runs (inbound and REST
/// API calls) and the legs their Dials placed. The REST API finds a live call here to read, redirect or
/// hang up; a finished call is only in the call records. Thread-safe.
/// </summary>
internal sealed class LiveCallRegistry
{
    private readonly ConcurrentDictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);

    /// <summary>Calls in progress now.</summary>
    public int Count => _calls.Count;

    /// <summary>
    /// Adds <paramref name="call"/> until the returned handle is disposed. A call already listed (by whoever
    /// placed it, before its run started) stays as it is, and the handle returned does nothing.
    /// </summary>
    public IDisposable Add(LiveCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var sid = call.Call.Info.CallSid;
        return _calls.TryAdd(sid, call) ? new Registration(this, sid, call) : NoRegistration.Instance;
    }

    /// <summary>The live call <paramref name="callSid"/> of <paramref name="accountSid"/>, or null (none, or another account's).</summary>
    public LiveCall? Find(string accountSid, string callSid) =>
        _calls.TryGetValue(callSid, out var call) && string.Equals(call.AccountSid, accountSid, StringComparison.Ordinal) ? call : null;

    /// <summary>A snapshot of every live call.</summary>
    public IReadOnlyList<LiveCall> All() => [.. _calls.Values];

    private sealed class NoRegistration : IDisposable
    {
        public static readonly NoRegistration Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Registration(LiveCallRegistry owner, string sid, LiveCall call) : IDisposable
    {
        public void Dispose() => owner._calls.TryRemove(new KeyValuePair<string, LiveCall>(sid, call));
    }
}
