namespace RcmlEngine.Streams;

/// <summary>What a stream's <c>start</c> message says, and where it goes.</summary>
internal sealed record MediaStreamStart
{
    /// <summary>The server: a <c>ws://</c> or <c>wss://</c> URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>The stream's sid: <c>MZ</c> and 32 hex digits.</summary>
    public required string StreamSid { get; init; }

    /// <summary>The account of the call.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The call.</summary>
    public required string CallSid { get; init; }

    /// <summary>Which audio is sent.</summary>
    public MediaStreamTracks Tracks { get; init; } = MediaStreamTracks.Inbound;

    /// <summary>The <c>&lt;Parameter&gt;</c> values, sent as <c>customParameters</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CustomParameters { get; init; } = [];

    /// <summary>Whether the server's <c>media</c>, <c>mark</c> and <c>clear</c> messages are played (Connect).</summary>
    public bool Bidirectional { get; init; }
}
