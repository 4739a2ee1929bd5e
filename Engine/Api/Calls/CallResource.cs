namespace RcmlEngine.Api.Calls;

/// <summary>A call as Twilio's API shows it (<c>api.v2010.account.call</c>); dates in RFC 2822, <c>duration</c> a string.</summary>
internal sealed record CallResource
{
    /// <summary><c>CA</c> + 32 hex.</summary>
    public required string Sid { get; init; }

    /// <summary>When the record was created.</summary>
    public required string DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    public required string DateUpdated { get; init; }

    /// <summary>The call that created this one (a Dial leg's parent).</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>The account.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The called party.</summary>
    public required string To { get; init; }

    /// <summary>The called party, formatted.</summary>
    public required string ToFormatted { get; init; }

    /// <summary>The caller.</summary>
    public required string From { get; init; }

    /// <summary>The caller, formatted.</summary>
    public required string FromFormatted { get; init; }

    /// <summary>Always null: the engine has no phone number resources.</summary>
    public string? PhoneNumberSid { get; init; }

    /// <summary><c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>completed</c>, <c>busy</c>, <c>failed</c>, <c>no-answer</c>, <c>canceled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>When the call started (was dialed or arrived).</summary>
    public string? StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public string? EndTime { get; init; }

    /// <summary>Talk time in seconds; null while the call is live.</summary>
    public string? Duration { get; init; }

    /// <summary>Always null: a self-hosted engine prices nothing.</summary>
    public string? Price { get; init; }

    /// <summary>The currency of <see cref="Price"/>.</summary>
    public string PriceUnit { get; init; } = "USD";

    /// <summary><c>inbound</c>, <c>outbound-api</c> or <c>outbound-dial</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>Answering machine detection's result; null (not performed).</summary>
    public string? AnsweredBy { get; init; }

    /// <summary><c>2010-04-01</c>.</summary>
    public string ApiVersion { get; init; } = "2010-04-01";

    /// <summary>Where the call was forwarded from.</summary>
    public string? ForwardedFrom { get; init; }

    /// <summary>Always null.</summary>
    public string? GroupSid { get; init; }

    /// <summary>The caller's name, when known.</summary>
    public string? CallerName { get; init; }

    /// <summary>Milliseconds the call waited before it was placed: 0.</summary>
    public string QueueTime { get; init; } = "0";

    /// <summary>Always null.</summary>
    public string? TrunkSid { get; init; }

    /// <summary>This resource's path.</summary>
    public required string Uri { get; init; }

    /// <summary>The paths of its subresources (<c>recordings</c>...).</summary>
    public required IReadOnlyDictionary<string, string> SubresourceUris { get; init; }
}
