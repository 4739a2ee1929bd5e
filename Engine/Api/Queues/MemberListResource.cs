namespace RcmlEngine.Api.Queues;

/// <summary>A page of queue members, Twilio's <c>ListMemberResponse</c>.</summary>
internal sealed record MemberListResource : ApiListResource
{
    /// <summary>The callers, front first.</summary>
    public required IReadOnlyList<MemberResource> QueueMembers { get; init; }
}
