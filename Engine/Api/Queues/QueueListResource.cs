namespace RcmlEngine.Api.Queues;

/// <summary>A page of queues, Twilio's <c>ListQueueResponse</c>.</summary>
internal sealed record QueueListResource : ApiListResource
{
    /// <summary>The queues, oldest first.</summary>
    public required IReadOnlyList<QueueResource> Queues { get; init; }
}
