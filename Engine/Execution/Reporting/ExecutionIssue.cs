using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Debugger;

namespace RcmlEngine.Execution.Reporting;

/// <summary>An error or warning of a call, for the log and the account's debugger webhook.</summary>
/// <param name="Code">A Twilio-like code (<see cref="ExecutionErrorCode"/> or <see cref="WebhookErrorCode"/>).</param>
/// <param name="Message">What happened and, where it helps, what to do.</param>
internal sealed record ExecutionIssue(int Code, string Message)
{
    /// <summary>Error (default) or warning.</summary>
    public DebuggerLevel Level { get; init; } = DebuggerLevel.Error;

    /// <summary>The request involved, when there was one.</summary>
    public WebhookRequest? Request { get; init; }

    /// <summary>The status the application answered, when it did.</summary>
    public int? ResponseStatusCode { get; init; }

    /// <summary>The start of what it answered.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>More detail for the debugger (<c>line</c>, <c>verb</c>...).</summary>
    public IReadOnlyDictionary<string, string>? MoreInfo { get; init; }

    /// <summary>An error with an <see cref="ExecutionErrorCode"/>.</summary>
    public static ExecutionIssue Error(ExecutionErrorCode code, string message) => new((int)code, message);

    /// <summary>A warning with an <see cref="ExecutionErrorCode"/>.</summary>
    public static ExecutionIssue Warning(ExecutionErrorCode code, string message) =>
        new((int)code, message) { Level = DebuggerLevel.Warning };
}
