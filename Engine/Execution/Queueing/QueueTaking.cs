using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Queueing;

/// <summary>Who took a waiting caller out of its queue, and what the caller runs next.</summary>
/// <param name="DequeuingCallSid">The agent's call (<c>&lt;Dial&gt;&lt;Queue&gt;</c>); null for the API.</param>
/// <param name="Url">The agent's Queue <c>url</c> (run before the bridge), or the API's <c>Url</c> (the caller's next document).</param>
/// <param name="Method">GET or POST for <paramref name="Url"/>.</param>
internal sealed record QueueTaking(string? DequeuingCallSid, Uri? Url, RcmlHttpMethod Method)
{
    /// <summary>True when the API took the caller to a new document (<c>QueueResult=redirected</c>).</summary>
    public bool IsRedirect => DequeuingCallSid is null;
}
