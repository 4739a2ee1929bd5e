namespace RcmlEngine.Api.Calls;

/// <summary>A page of calls, Twilio's <c>ListCallResponse</c>.</summary>
internal sealed record CallListResource : ApiListResource
{
    /// <summary>The calls, newest first.</summary>
    public required IReadOnlyList<CallResource> Calls { get; init; }
}
