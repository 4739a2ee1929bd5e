namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// <c>&lt;Stream&gt;</c> of <c>&lt;Start&gt;</c>, <c>&lt;Stop&gt;</c> or <c>&lt;Connect&gt;</c>: the call's audio over a
/// WebSocket, in Twilio's Media Streams messages.
/// </summary>
internal sealed record StreamNoun : RcmlNoun
{
    /// <summary><c>url</c>: the <c>ws://</c> or <c>wss://</c> URL of the server; null when absent.</summary>
    public Uri? Url { get; init; }

    /// <summary><c>name</c>: names the stream for <c>&lt;Stop&gt;</c>; null when absent.</summary>
    public string? Name { get; init; }

    /// <summary><c>track</c>.</summary>
    public StreamTrack Track { get; init; } = StreamTrack.InboundTrack;

    /// <summary><c>statusCallback</c>: receives stream-started, stream-stopped and stream-error.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary><c>statusCallbackMethod</c>.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary>The <c>&lt;Parameter name value&gt;</c> children, in order: the <c>start</c> message's customParameters.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <inheritdoc/>
    public override string ElementName => "Stream";
}
