namespace RcmlEngine.Api.Conferences;

/// <summary>A conference as Twilio's API shows it (<c>api.v2010.account.conference</c>); dates in RFC 2822.</summary>
internal sealed record ConferenceResource
{
    /// <summary>The account.</summary>
    public required string AccountSid { get; init; }

    /// <summary>When the room was created.</summary>
    public required string DateCreated { get; init; }

    /// <summary>When it last changed status.</summary>
    public required string DateUpdated { get; init; }

    /// <summary><c>2010-04-01</c>.</summary>
    public string ApiVersion { get; init; } = "2010-04-01";

    /// <summary>The room's name.</summary>
    public required string FriendlyName { get; init; }

    /// <summary>Where the audio is mixed: always <c>us1</c>, Twilio's word for basic conferences.</summary>
    public string Region { get; init; } = "us1";

    /// <summary><c>CF</c> + 32 hex.</summary>
    public required string Sid { get; init; }

    /// <summary><c>init</c>, <c>in-progress</c> or <c>completed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>This resource's path.</summary>
    public required string Uri { get; init; }

    /// <summary>The paths of its participants and recordings.</summary>
    public required IReadOnlyDictionary<string, string> SubresourceUris { get; init; }

    /// <summary>Why it ended; null while it has not.</summary>
    public string? ReasonConferenceEnded { get; init; }

    /// <summary>The call whose leaving ended it; null otherwise.</summary>
    public string? CallSidEndingConference { get; init; }
}
