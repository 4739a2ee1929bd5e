namespace RcmlEngine.Api.Recordings;

/// <summary>A recording as Twilio's API shows it (<c>api.v2010.account.recording</c>).</summary>
internal sealed record RecordingResource
{
    /// <summary>The account.</summary>
    public required string AccountSid { get; init; }

    /// <summary><c>2010-04-01</c>.</summary>
    public string ApiVersion { get; init; } = "2010-04-01";

    /// <summary>The call it was made in.</summary>
    public required string CallSid { get; init; }

    /// <summary>The conference it was made in; null.</summary>
    public string? ConferenceSid { get; init; }

    /// <summary>When it was created.</summary>
    public required string DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    public required string DateUpdated { get; init; }

    /// <summary>When recording started.</summary>
    public required string StartTime { get; init; }

    /// <summary>Its length in seconds.</summary>
    public required string Duration { get; init; }

    /// <summary><c>RE</c> + 32 hex.</summary>
    public required string Sid { get; init; }

    /// <summary>Always null.</summary>
    public string? Price { get; init; }

    /// <summary>The currency of <see cref="Price"/>.</summary>
    public string PriceUnit { get; init; } = "USD";

    /// <summary><c>completed</c> once written.</summary>
    public required string Status { get; init; }

    /// <summary>1 or 2.</summary>
    public required int Channels { get; init; }

    /// <summary><c>RecordVerb</c>, <c>DialVerb</c>, <c>OutboundAPI</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Null when it was made without error.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>This resource's path.</summary>
    public required string Uri { get; init; }

    /// <summary>Always null: recordings are not encrypted.</summary>
    public object? EncryptionDetails { get; init; }

    /// <summary>The paths of its subresources.</summary>
    public required IReadOnlyDictionary<string, string> SubresourceUris { get; init; }

    /// <summary>The full URL of its audio (WAV; <c>.mp3</c> for MP3).</summary>
    public required string MediaUrl { get; init; }
}
