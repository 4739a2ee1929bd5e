using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// The bridge an attended transfer makes between the parties of two Dials that stay. It starts once both
/// Dials' bridges are down; dialed legs handed to it are hung up and freed when it ends.
/// </summary>
internal sealed class DialJoin(IBridgeableCall first, IBridgeableCall second)
{
    private readonly TaskCompletionSource _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _secondReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<DialLeg> _owned = [];
    private readonly Lock _sync = new();

    /// <summary>The party that stays of the Dial whose phone sent the REFER.</summary>
    public IBridgeableCall First { get; } = first;

    /// <summary>The party that stays of the Dial the REFER's Replaces named.</summary>
    public IBridgeableCall Second { get; } = second;

    /// <summary>Completes when both Dials' bridges are down.</summary>
    public Task BothReady => Task.WhenAll(_firstReady.Task, _secondReady.Task);

    /// <summary>Completes when the new bridge has ended (its owned legs are then hung up).</summary>
    public Task Ended => _ended.Task;

    /// <summary>One Dial's bridge is down; <paramref name="leg"/>, when given, is now the join's to hang up.</summary>
    public void Ready(bool first, DialLeg? leg)
    {
        if (leg is not null)
        {
            lock (_sync)
            {
                if (_ended.Task.IsCompleted)
                {
                    // Too late to join (the other side was already gone): hang it up now.
                    _ = leg.DisposeAsync().AsTask();
                }
                else
                {
                    _owned.Add(leg);
                }
            }
        }

        (first ? _firstReady : _secondReady).TrySetResult();
    }

    /// <summary>Hangs up and frees the owned legs, then completes <see cref="Ended"/>.</summary>
    public async Task EndAsync()
    {
        DialLeg[] owned;
        lock (_sync)
        {
            owned = [.. _owned];
            _owned.Clear();
            _ended.TrySetResult();
        }

        foreach (var leg in owned)
        {
            await leg.DisposeAsync();
        }
    }
}
