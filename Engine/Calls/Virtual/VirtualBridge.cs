using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Calls.Virtual;

/// <summary>A bridge between virtual calls: no audio, it lasts until one of them ends.</summary>
internal static class VirtualBridge
{
    /// <summary>Waits until <paramref name="self"/> or <paramref name="other"/> ends; throws when only the token is cancelled.</summary>
    public static async Task<BridgeEnd> WaitAsync(ICall self, ICall other, TimeProvider time, CancellationToken cancellationToken)
    {
        using var bridge = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, self.Lifecycle.Ended, other.Lifecycle.Ended);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, bridge.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // One of the calls ended.
        }

        return self.Lifecycle.IsEnded ? BridgeEnd.ThisCallEnded : BridgeEnd.OtherCallEnded;
    }
}
