using System.Globalization;
using RcmlEngine.Calls;
using RcmlEngine.Diagnostics.Timeline;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Execution;

internal sealed partial class RcmlInterpreter
{
    // Begins the call's timeline (when the host keeps them) and makes it the flow's: fetches and verbs record to it.
    private IDisposable? BeginTimeline(ICall call, string accountSid)
    {
        if (timelines is null)
        {
            return null;
        }

        var timeline = timelines.Begin(call.Info.CallSid, accountSid, call.Info.ParentCallSid, call.Info.SipCallId);
        CallTimeline.Current = timeline;
        return call.Lifecycle.Subscribe(change => timeline.Add(CallEventKind.Status, "status " + change.Status.ToWebhookValue()));
    }

    private void EndTimeline()
    {
        if (timelines is not null && CallTimeline.Current is { } timeline)
        {
            timelines.End(timeline);
        }
    }

    private static void RecordVerbStarted(RcmlVerb verb)
    {
        if (CallTimeline.Current is { } timeline)
        {
            timeline.Add(CallEventKind.Verb, string.Create(CultureInfo.InvariantCulture,
                $"<{verb.ElementName}> started (line {verb.Span.Line}, column {verb.Span.Column})"));
        }
    }

    // What a verb ended with when it leaves the document (a Gather's action, a Hangup), with the caller's keys or speech.
    private static void RecordVerbEnded(RcmlVerb verb, VerbOutcome outcome)
    {
        if (CallTimeline.Current is not { } timeline || outcome.Kind == VerbOutcomeKind.Continue)
        {
            return;
        }

        if (outcome.Target is { } target)
        {
            foreach (var (name, value) in target.Parameters)
            {
                if (name is "Digits" or "SpeechResult" && value.Length > 0)
                {
                    timeline.Add(CallEventKind.Input, (name == "Digits" ? "keys " : "speech ") + value);
                }
            }
        }

        var then = outcome.Target is { } next
            ? "navigate to " + (next.Twiml is null ? SafeUrl.Of(next.Url) : "inline RCML")
            : "hang up";
        timeline.Add(CallEventKind.Verb, $"<{verb.ElementName}> ended: {then}");
    }
}
