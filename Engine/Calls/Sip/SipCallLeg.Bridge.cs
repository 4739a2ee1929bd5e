using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls.Sip;

/// <summary>Connecting two legs' audio.</summary>
internal abstract partial class SipCallLeg
{
    /// <inheritdoc />
    public async Task<BridgeEnd> BridgeAsync(IBridgeableCall other, CancellationToken cancellationToken)
    {
        if (other is not SipCallLeg peer || ReferenceEquals(peer, this))
        {
            throw new ArgumentException("a SIP call leg bridges only with another SIP call leg", nameof(other));
        }

        ThrowUnlessAnswered(cancellationToken);
        peer.ThrowUnlessAnswered(cancellationToken);
        using var bridge = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifecycle.Ended, peer.Lifecycle.Ended);
        LogBridged(Info.CallSid, peer.Info.CallSid);
        try
        {
            await Media.BridgeAsync(peer.Media, bridge.Token);

            // One side's media ended by itself (inactivity): its watcher is ending that call.
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, bridge.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A call ended: the bridge is over.
        }

        return Lifecycle.IsEnded ? BridgeEnd.ThisCallEnded : BridgeEnd.OtherCallEnded;
    }

    /// <inheritdoc />
    public ICallRecording StartRecording(string filePath, bool dual) =>
        new SipCallRecording(this, new PairRecorder(filePath, dual, _time, _logger));
}
