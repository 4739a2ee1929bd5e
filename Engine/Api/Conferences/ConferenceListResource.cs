namespace RcmlEngine.Api.Conferences;

/// <summary>A page of conferences, Twilio's <c>ListConferenceResponse</c>.</summary>
internal sealed record ConferenceListResource : ApiListResource
{
    /// <summary>The conferences, newest first.</summary>
    public required IReadOnlyList<ConferenceResource> Conferences { get; init; }
}
