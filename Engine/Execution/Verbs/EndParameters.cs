using RcmlEngine.Execution.Dialing;
using RcmlEngine.Execution.Reporting;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Hangup&gt;</c>'s and <c>&lt;Reject&gt;</c>'s <c>&lt;Parameter name value/&gt;</c> pairs as <c>X-name: value</c>
/// headers on the BYE or the rejection, with the checks <c>&lt;Client&gt;</c> parameters get
/// (<see cref="ClientParameterHeaders"/>); a pair that cannot be a header is left out and reported as a warning.
/// </summary>
internal static class EndParameters
{
    /// <summary>The headers to send; reports each parameter left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(
        string element, IReadOnlyList<KeyValuePair<string, string>> parameters, CallSession session, CallIssueReporter reporter)
    {
        if (parameters.Count == 0)
        {
            return [];
        }

        var (headers, skipped) = ClientParameterHeaders.Of(parameters);
        foreach (var (name, reason) in skipped)
        {
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SchemaValidationWarning,
                $"<{element}> parameter '{name}' is not sent: {reason}"));
        }

        return headers;
    }
}
