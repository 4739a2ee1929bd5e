using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Digits;

namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// An in-process <see cref="ICall"/> without audio, for unit tests and <c>rcml run</c>: it records (and
/// optionally prints) what the caller would hear, takes the caller's keys from an
/// <see cref="IVirtualCaller"/> (a script or a terminal) or from <see cref="Press"/>, and spends time on
/// its <see cref="TimeProvider"/> (prompt lengths from <see cref="VirtualPhoneOptions"/>, timeouts), so a
/// test on a fake clock controls every pause. Recordings are WAV files of silence of the simulated length.
/// </summary>
internal sealed partial class VirtualPhone : IBridgeableCall, IEarlyMediaCall, IDisposable
{
    private readonly TimeProvider _time;
    private readonly VirtualPhoneOptions _options;
    private readonly IVirtualCaller _caller;
    private readonly TextWriter? _output;
    private readonly Lock _sync = new();
    private readonly List<VirtualPhoneEvent> _events = [];
    private TaskCompletionSource _changed = NewSignal();
    private volatile bool _earlyMedia;

    /// <summary>A ringing-ready inbound call described by <paramref name="info"/>.</summary>
    /// <param name="info">Who calls whom.</param>
    /// <param name="time">The clock every pause and timeout runs on.</param>
    /// <param name="options">Simulated lengths; default realistic ones.</param>
    /// <param name="caller">Who answers the engine's listenings; default a silent caller.</param>
    /// <param name="output">Where to print each event as it happens (the terminal of <c>rcml run</c>); none by default.</param>
    public VirtualPhone(CallInfo info, TimeProvider time, VirtualPhoneOptions? options = null,
        IVirtualCaller? caller = null, TextWriter? output = null)
    {
        Info = info;
        _time = time;
        _options = options ?? new VirtualPhoneOptions();
        _caller = caller ?? ScriptedCaller.Silent;
        _output = output;
        Lifecycle = new CallLifecycle(time);
        Digits = new DigitBuffer(time);
    }

    /// <inheritdoc />
    public CallInfo Info { get; }

    /// <inheritdoc />
    public CallLifecycle Lifecycle { get; }

    /// <inheritdoc />
    public DigitBuffer Digits { get; }

    /// <summary>Everything that happened so far, in order.</summary>
    public IReadOnlyList<VirtualPhoneEvent> Events
    {
        get
        {
            lock (_sync)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The prompts heard so far, one entry per loop.</summary>
    public IReadOnlyList<string> Heard => [.. Events.Where(e => e.Kind == VirtualPhoneEventKind.Heard).Select(e => e.Text)];

    /// <summary>The caller presses <paramref name="keys"/> now (invalid characters are ignored).</summary>
    public void Press(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = _time.GetUtcNow();
        foreach (var key in keys)
        {
            PressAt(key, now);
        }
    }

    /// <summary>The caller hangs up (before the answer: cancels). Does nothing once the call has ended.</summary>
    public void HangUpFromCaller()
    {
        if (Lifecycle.MarkEnded(CallEndReason.CallerHungUp))
        {
            Record(VirtualPhoneEventKind.HungUp, $"caller hangs up ({Lifecycle.Status.ToWebhookValue()}, {Lifecycle.DurationSeconds} s)");
        }
    }

    /// <summary>The first event (past or future) that matches <paramref name="match"/>.</summary>
    public async Task<VirtualPhoneEvent> WaitForAsync(Func<VirtualPhoneEvent, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                var found = _events.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits for the <paramref name="n"/>th (1-based) event of <paramref name="kind"/>.</summary>
    public async Task<VirtualPhoneEvent> WaitForAsync(VirtualPhoneEventKind kind, CancellationToken cancellationToken, int n = 1)
    {
        var seen = 0;
        return await WaitForAsync(e => e.Kind == kind && ++seen == n, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => Lifecycle.Dispose();

    private void PressAt(char key, DateTimeOffset at)
    {
        if (Digits.Push(key, at))
        {
            KeyPressed?.Invoke(char.ToUpperInvariant(key));
            Record(VirtualPhoneEventKind.KeyPressed, $"caller presses {char.ToUpperInvariant(key)}", key: char.ToUpperInvariant(key));
        }
    }

    // Waits on absolute deadlines, so a late continuation (a fake clock advanced in one jump) catches up
    // instead of drifting.
    private async Task DelayUntilAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var left = deadline - _time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, _time, cancellationToken);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private VirtualPhoneEvent Record(VirtualPhoneEventKind kind, string text, Prompts.Prompt? prompt = null, char? key = null)
    {
        var happened = new VirtualPhoneEvent(Lifecycle.Elapsed, kind, text) { Prompt = prompt, Key = key };
        TaskCompletionSource changed;
        lock (_sync)
        {
            _events.Add(happened);
            changed = _changed;
            _changed = NewSignal();
            _output?.WriteLine(happened.ToString());
        }

        changed.TrySetResult();
        return happened;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
