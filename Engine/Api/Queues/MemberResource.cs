namespace RcmlEngine.Api.Queues;

/// <summary>A caller in a queue as Twilio's API shows it (<c>api.v2010.account.queue.member</c>).</summary>
internal sealed record MemberResource
{
    /// <summary>The caller's call.</summary>
    public required string CallSid { get; init; }

    /// <summary>When it joined, RFC 2822.</summary>
    public required string DateEnqueued { get; init; }

    /// <summary>1 for the caller who waited longest.</summary>
    public required int Position { get; init; }

    /// <summary>This resource's path.</summary>
    public required string Uri { get; init; }

    /// <summary>Seconds waited.</summary>
    public required int WaitTime { get; init; }

    /// <summary>The queue.</summary>
    public required string QueueSid { get; init; }
}
