using System.Globalization;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// What <c>&lt;Start&gt;</c>, <c>&lt;Stop&gt;</c> and <c>&lt;Connect&gt;</c> do with nouns the engine does not run: report
/// 64001 naming the noun and why, and go on.
/// </summary>
internal static class StreamNounSkipping
{
    /// <summary>Reports <paramref name="noun"/> of <paramref name="verb"/> as not supported.</summary>
    public static void Report(CallIssueReporter reporter, CallSession session, RcmlVerb verb, RcmlNoun noun)
    {
        var why = noun switch
        {
            StartRecordingNoun => "background recording is not yet implemented (use <Record> or <Dial record>)",
            ForeignNoun foreign => $"{foreign.Product} is not supported by RcmlEngine (use <Connect><Stream> to reach your own service)",
            _ => "it is not supported here",
        };
        reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.VerbNotSupported,
            $"<{verb.ElementName}><{noun.ElementName}> at {noun.Span}: {why}; it was skipped and the call continues") with
        {
            MoreInfo = new Dictionary<string, string>
            {
                ["verb"] = verb.ElementName,
                ["noun"] = noun.ElementName,
                ["line"] = noun.Span.Line.ToString(CultureInfo.InvariantCulture),
                ["column"] = noun.Span.Column.ToString(CultureInfo.InvariantCulture),
            },
        });
    }
}
