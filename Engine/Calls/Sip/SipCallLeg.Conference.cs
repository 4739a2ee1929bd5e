using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Calls.Sip;

/// <summary>Taking part in a conference.</summary>
internal abstract partial class SipCallLeg : IConferenceCall
{
    /// <inheritdoc />
    public async Task MixAsync(MixParticipant participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ThrowUnlessAnswered(cancellationToken);
        using var mixing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifecycle.Ended);
        try
        {
            await Media.MixAsync(participant, mixing.Token);

            // The media ended by itself (inactivity): its watcher is ending the call.
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, mixing.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The call ended.
        }
    }
}
