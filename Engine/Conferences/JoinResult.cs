namespace RcmlEngine.Conferences;

/// <summary>The outcome of joining a room: the participant, or why not.</summary>
/// <param name="Participant">The participant, when joined.</param>
/// <param name="Refusal">Why the call could not join, when it did not.</param>
internal sealed record JoinResult(ConferenceParticipant? Participant, JoinRefusal Refusal)
{
    /// <summary>Joined as <paramref name="participant"/>.</summary>
    public static JoinResult Joined(ConferenceParticipant participant) => new(participant, JoinRefusal.None);

    /// <summary>Refused.</summary>
    public static JoinResult Refused(JoinRefusal why) => new(null, why);
}
