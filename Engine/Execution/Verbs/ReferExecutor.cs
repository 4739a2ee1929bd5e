using System.Globalization;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls.Transfers;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Refer&gt;</c>: a blind transfer. Answers the call if needed, asks its phone to call the <c>&lt;Sip&gt;</c>
/// target (SIP REFER) and follows that call. The <c>action</c> gets <c>ReferCallStatus</c>,
/// <c>ReferSipResponseCode</c> and, once a NOTIFY told one, <c>NotifySipResponseCode</c>.
/// A transfer that took the call (<c>in-progress</c>) ends the engine's part: the action is requested
/// (its document is not run) and the call is hung up. Otherwise the action's document runs, or without
/// an action the next verb. A call that cannot be transferred (not SIP) gets 13801 and the next verb;
/// a target that cannot be referred to, 64009.
/// </summary>
internal sealed class ReferExecutor(ICallbackDispatcher dispatcher, CallIssueReporter reporter, IOptions<ExecutionOptions> options) : IVerbExecutor<ReferVerb>
{
    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(ReferVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Call is not IReferableCall call)
        {
            Report(session, verb, ExecutionErrorCode.ReferNotAllowed,
                $"<Refer> at {verb.Span}: this call cannot be transferred with a SIP REFER (only SIP calls can); the call continues with the next verb");
            return VerbOutcome.Continue;
        }

        if (verb.Nouns.OfType<SipNoun>().FirstOrDefault()?.Uri is not { } target)
        {
            Report(session, verb, ExecutionErrorCode.VerbMissingContent,
                $"<Refer> at {verb.Span} has no <Sip> target with a SIP URI; it was skipped");
            return VerbOutcome.Continue;
        }

        ReferResult result;
        try
        {
            await call.AnswerAsync(cancellationToken);
            result = await call.ReferAsync(new ReferRequest { Target = target.Text, NotifyTimeout = options.Value.ReferNotifyTimeout }, cancellationToken);
        }
        catch (ArgumentException e)
        {
            Report(session, verb, ExecutionErrorCode.DialTargetUnavailable,
                $"<Refer> at {verb.Span}: the call cannot be transferred to '{target.Text}': {e.Message}; the call continues with the next verb");
            return VerbOutcome.Continue;
        }
        catch (OperationCanceledException) when (call.Lifecycle.IsEnded)
        {
            result = new ReferResult(ReferCallStatus.Canceled, 0, null);
        }

        return Finish(verb, session, result);
    }

    /// <summary>The action's parameters for <paramref name="result"/>.</summary>
    internal static List<KeyValuePair<string, string>> ParametersOf(ReferResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parameters = new List<KeyValuePair<string, string>>(3)
        {
            new("ReferCallStatus", result.StatusValue),
            new("ReferSipResponseCode", result.ReferStatusCode.ToString(CultureInfo.InvariantCulture)),
        };
        if (result.NotifyStatusCode is { } notify)
        {
            parameters.Add(new("NotifySipResponseCode", notify.ToString(CultureInfo.InvariantCulture)));
        }

        return parameters;
    }

    private VerbOutcome Finish(ReferVerb verb, CallSession session, ReferResult result)
    {
        // A transferred call has left the engine: nothing more runs on it, whatever the action answers.
        var over = result.Transferred || session.Call.Lifecycle.IsEnded;
        if (verb.Action is not { OriginalString.Length: > 0 } url)
        {
            return over ? VerbOutcome.HangUp : VerbOutcome.Continue;
        }

        var action = session.Resolve(url);
        var parameters = ParametersOf(result);
        if (!over)
        {
            return VerbOutcome.Navigate(new Navigation(action, verb.Method, parameters));
        }

        dispatcher.Enqueue(session.CallSid, session.Request(action, verb.Method, parameters));
        return VerbOutcome.HangUp;
    }

    private void Report(CallSession session, ReferVerb verb, ExecutionErrorCode code, string message) =>
        reporter.Report(session, ExecutionIssue.Error(code, message) with
        {
            MoreInfo = new Dictionary<string, string>
            {
                ["verb"] = verb.ElementName,
                ["line"] = verb.Span.Line.ToString(CultureInfo.InvariantCulture),
                ["column"] = verb.Span.Column.ToString(CultureInfo.InvariantCulture),
            },
        });
}
