using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Calls.Virtual;

/// <summary>What Dial does with the virtual phone: early media, bridging with a dialed leg, recording both.</summary>
internal sealed partial class VirtualPhone
{
    /// <inheritdoc />
    public Task<bool> StartEarlyMediaAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (!Lifecycle.IsAnswered && !_earlyMedia)
        {
            _earlyMedia = true;
            Lifecycle.MarkRinging();
            Record(VirtualPhoneEventKind.EarlyMedia, "early media (183): the caller hears the call progress, unanswered");
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public async Task<BridgeEnd> BridgeAsync(IBridgeableCall other, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(other);
        ThrowUnlessAnswered(cancellationToken);
        Record(VirtualPhoneEventKind.Bridged, $"connected to {other.Info.To} (call {other.Info.CallSid})");
        return await VirtualBridge.WaitAsync(this, other, _time, cancellationToken);
    }

    /// <inheritdoc />
    public ICallRecording StartRecording(string filePath, bool dual) => new VirtualCallRecording(filePath, _time);
}
