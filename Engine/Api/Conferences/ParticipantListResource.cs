namespace RcmlEngine.Api.Conferences;

/// <summary>A page of a conference's participants, Twilio's <c>ListParticipantResponse</c>.</summary>
internal sealed record ParticipantListResource : ApiListResource
{
    /// <summary>The participants, in the order they were added.</summary>
    public required IReadOnlyList<ParticipantResource> Participants { get; init; }
}
