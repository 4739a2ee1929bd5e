namespace RcmlEngine.Api.Recordings;

/// <summary>A page of recordings, Twilio's <c>ListRecordingResponse</c>.</summary>
internal sealed record RecordingListResource : ApiListResource
{
    /// <summary>The recordings, newest first.</summary>
    public required IReadOnlyList<RecordingResource> Recordings { get; init; }
}
