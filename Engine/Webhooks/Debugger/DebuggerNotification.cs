namespace RcmlEngine.Webhooks.Debugger;

/// <summary>An error or warning to report to an account's debugger webhook.</summary>
internal sealed record DebuggerNotification
{
    /// <summary>The account the error belongs to.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The call it happened in (<c>resource_sid</c>), when there is one.</summary>
    public string? CallSid { get; init; }

    /// <summary>Twilio-like code: 11200, 12100, 12300, 13xxx... (any layer's).</summary>
    public required int ErrorCode { get; init; }

    /// <summary>What happened, for a person (<c>more_info.Msg</c>).</summary>
    public required string Message { get; init; }

    /// <summary>Error (default) or Warning.</summary>
    public DebuggerLevel Level { get; init; } = DebuggerLevel.Error;

    /// <summary>The URL of the webhook request involved, when there was one.</summary>
    public Uri? RequestUrl { get; init; }

    /// <summary>Its method (GET or POST).</summary>
    public WebhookMethod? RequestMethod { get; init; }

    /// <summary>The status the application answered, when it answered.</summary>
    public int? ResponseStatusCode { get; init; }

    /// <summary>The start of the body it answered (a few KiB at most).</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Anything else worth showing (<c>line</c>, <c>column</c>, <c>verb</c>...), added to <c>more_info</c>.</summary>
    public IReadOnlyDictionary<string, string>? MoreInfo { get; init; }
}
