using Microsoft.Extensions.Logging;
using RcmlEngine.Webhooks.Debugger;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Execution.Reporting;

/// <summary>
/// Reports a call's errors and warnings: to the log with their code, and to the account's debugger
/// webhook when one is configured (queued, never delaying the call).
/// </summary>
internal sealed partial class CallIssueReporter(IDebuggerNotifier debugger, ILogger<CallIssueReporter> logger)
{
    /// <summary>Logs <paramref name="issue"/> and posts it to the debugger of <paramref name="session"/>'s account.</summary>
    public void Report(CallSession session, ExecutionIssue issue)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(issue);
        var url = issue.Request is { } request ? $" (request: {SafeUrl.Of(request.Url)})" : string.Empty;
        if (issue.Level == DebuggerLevel.Error)
        {
            session.ErrorsReported++;
            LogError(issue.Code, issue.Message, url);
        }
        else
        {
            LogWarning(issue.Code, issue.Message, url);
        }

        if (session.Account.DebuggerWebhook is not { } webhook)
        {
            return;
        }

        var notification = new DebuggerNotification
        {
            AccountSid = session.Account.AccountSid,
            CallSid = session.CallSid,
            ErrorCode = issue.Code,
            Message = issue.Message,
            Level = issue.Level,
            RequestUrl = issue.Request?.Url,
            RequestMethod = issue.Request?.Method,
            ResponseStatusCode = issue.ResponseStatusCode,
            ResponseBody = issue.ResponseBody,
            MoreInfo = issue.MoreInfo,
        };
        if (!debugger.Notify(webhook, session.Account.AuthToken, notification))
        {
            LogDebuggerDropped(issue.Code);
        }
    }
}
