namespace RcmlEngine.Api.Queues;

/// <summary>A queue as Twilio's API shows it (<c>api.v2010.account.queue</c>); dates in RFC 2822.</summary>
internal sealed record QueueResource
{
    /// <summary>When it last changed (a caller joined or left, a rename).</summary>
    public required string DateUpdated { get; init; }

    /// <summary>How many callers wait now.</summary>
    public required int CurrentSize { get; init; }

    /// <summary>Its name.</summary>
    public required string FriendlyName { get; init; }

    /// <summary>This resource's path.</summary>
    public required string Uri { get; init; }

    /// <summary>The account.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The average time, in seconds, that the callers waiting now have waited.</summary>
    public required int AverageWaitTime { get; init; }

    /// <summary><c>QU</c> + 32 hex.</summary>
    public required string Sid { get; init; }

    /// <summary>When it was created.</summary>
    public required string DateCreated { get; init; }

    /// <summary>How many callers it takes.</summary>
    public required int MaxSize { get; init; }
}
