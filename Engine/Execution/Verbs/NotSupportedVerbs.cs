using System.Globalization;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// What the executors of verbs not implemented yet (Refer) do: report an error
/// (log and debugger, 64001) and continue with the next verb, as Twilio does with nouns it does not
/// support. Never a silent skip. The call is not answered for them.
/// </summary>
internal static class NotSupportedVerbs
{
    /// <summary>Reports <paramref name="verb"/> as not supported and returns <see cref="VerbOutcome.Continue"/>.</summary>
    public static Task<VerbOutcome> SkipAsync(RcmlVerb verb, CallSession session, CallIssueReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(reporter);
        reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbNotSupported,
            $"<{verb.ElementName}> at {verb.Span} is not supported yet; it was skipped and the call continues with the next verb") with
        {
            MoreInfo = new Dictionary<string, string>
            {
                ["verb"] = verb.ElementName,
                ["line"] = verb.Span.Line.ToString(CultureInfo.InvariantCulture),
                ["column"] = verb.Span.Column.ToString(CultureInfo.InvariantCulture),
            },
        });
        return Task.FromResult(VerbOutcome.Continue);
    }
}
