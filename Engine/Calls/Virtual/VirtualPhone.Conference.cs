using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Calls.Virtual;

internal sealed partial class VirtualPhone : IConferenceCall
{
    /// <inheritdoc />
    public async Task MixAsync(MixParticipant participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ThrowUnlessAnswered(cancellationToken);
        Record(VirtualPhoneEventKind.Bridged, $"talking in the conference as {participant.Name}");
        using var mixing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifecycle.Ended);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, mixing.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The call ended.
        }
    }
}
