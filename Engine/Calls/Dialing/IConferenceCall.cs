using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Calls.Dialing;

/// <summary>A call that can take part in a conference room's mix.</summary>
internal interface IConferenceCall : ICall
{
    /// <summary>
    /// Connects the answered call to a room as <paramref name="participant"/>: the caller is heard by the
    /// room's mixer and hears its mix, until the token is cancelled (throws
    /// <see cref="OperationCanceledException"/>; the call stays up) or the call ends (returns). Keys stay in
    /// <see cref="ICall.Digits"/> (for <c>hangupOnStar</c>); they are never mixed.
    /// </summary>
    Task MixAsync(MixParticipant participant, CancellationToken cancellationToken);
}
