using System.Globalization;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Queueing;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Queues;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Verbs;

/// <summary>
/// <c>&lt;Enqueue&gt;</c>: the caller waits in the named queue (created on demand) with the <c>waitUrl</c>
/// document or the engine's hold music, until an agent's <c>&lt;Dial&gt;&lt;Queue&gt;</c> takes it (it is bridged
/// until either hangs up), the API takes it to a new document, the wait document's <c>&lt;Leave&gt;</c> or
/// <c>&lt;Hangup&gt;</c>, or the caller hangs up. Then <c>action</c> is requested with <c>QueueResult</c>,
/// <c>QueueSid</c> and <c>QueueTime</c> (or the next verb runs); a full queue answers <c>queue-full</c> at once.
/// </summary>
internal sealed partial class EnqueueExecutor(
    IQueueStore queues,
    QueueWaiters waiters,
    QueueDocuments documents,
    ICallbackDispatcher dispatcher,
    CallIssueReporter reporter,
    TimeProvider time,
    ILogger<EnqueueExecutor> logger) : IVerbExecutor<EnqueueVerb>
{
    // Stands for "the wait document hung up": the call is to end after the action is told.
    private static readonly Navigation HangUpMarker = new(new Uri("about:hangup"), RcmlHttpMethod.Post);

    /// <inheritdoc />
    public async Task<VerbOutcome> ExecuteAsync(EnqueueVerb verb, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(session);
        await session.Call.AnswerAsync(cancellationToken);
        var queue = queues.Open(session.Account.AccountSid, verb.QueueName, verb.MaxQueueSize ?? QueueLimits.DefaultMaxSize);
        if (session.Call is not IBridgeableCall call)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DialNotPossible,
                $"<Enqueue> at {verb.Span}: this call cannot be connected to an agent; it did not wait"));
            return Finish(verb, session, QueueResult.Error, queue.Sid, TimeSpan.Zero, null);
        }

        var started = time.GetTimestamp();
        using var waiter = new QueueWaiter(session.CallSid, queue.Sid, call) { Session = session };
        waiters.Add(waiter);
        try
        {
            var joined = queues.Join(queue.Sid, session.CallSid, verb.MaxQueueSize);
            if (joined.Member is null)
            {
                LogRefused(verb.QueueName, joined.Full ? "full" : "deleted");
                return Finish(verb, session, joined.Full ? QueueResult.QueueFull : QueueResult.Error, queue.Sid, TimeSpan.Zero, null);
            }

            LogEnqueued(verb.QueueName, joined.Member.Position);
            var (result, next) = await WaitAsync(verb, session, waiter, started, cancellationToken);
            LogLeft(verb.QueueName, result);
            return Finish(verb, session, result, queue.Sid, time.GetElapsedTime(started), next);
        }
        catch (OperationCanceledException) when (call.Lifecycle.IsEnded)
        {
            // Hung up while bridged (ready for the bridge, then gone): the call was bridged all the same.
            var result = waiter.Ready.IsCompletedSuccessfully && waiter.Ready.Result ? QueueResult.Bridged : QueueResult.Hangup;
            return Finish(verb, session, result, queue.Sid, time.GetElapsedTime(started), null);
        }
        finally
        {
            queues.Take(queue.Sid, session.CallSid);
            waiters.Remove(waiter);
        }
    }

    // Waits until taken or a wait document ends the wait; a taken caller runs the agent's url and is bridged.
    private async Task<(string Result, Navigation? Next)> WaitAsync(EnqueueVerb verb, CallSession session, QueueWaiter waiter, long started, CancellationToken cancellationToken)
    {
        QueueTaking taking;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var music = documents.WaitAsync(session, verb, () => WaitParameters(session, waiter, started), waiting.Token);
            await Task.WhenAny(music, waiter.Taken);
            if (!waiter.Taken.IsCompleted && waiter.TryLeave())
            {
                // The wait document's Leave or Hangup (or its failure) ended the wait before anyone took the caller.
                return (await music) == QueueWaitEnd.Leave ? (QueueResult.Leave, null) : (QueueResult.Hangup, HangUpMarker);
            }

            await waiting.CancelAsync();
            try
            {
                await music;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The music stops: the caller was taken.
            }

            taking = await waiter.Taken;
        }

        var queueTime = Seconds(time.GetElapsedTime(started));
        if (taking.IsRedirect)
        {
            return (QueueResult.Redirected, new Navigation(session.Resolve(taking.Url!), taking.Method,
                [new("QueueResult", QueueResult.Redirected), new("QueueSid", waiter.QueueSid), new("QueueTime", queueTime)]));
        }

        if (taking.Url is { } url)
        {
            KeyValuePair<string, string>[] parameters =
            [
                new("QueueSid", waiter.QueueSid), new("QueueTime", queueTime), new("DequeingCallSid", taking.DequeuingCallSid!),
            ];
            await documents.RunDequeueAsync(session, session.Resolve(url), taking.Method, parameters, cancellationToken);
        }

        waiter.SetReady(true);
        var bridged = await waiter.Released.WaitAsync(cancellationToken);
        return (bridged ? QueueResult.Bridged : QueueResult.BridgingInProcess, null);
    }

    private IReadOnlyList<KeyValuePair<string, string>> WaitParameters(CallSession session, QueueWaiter waiter, long started)
    {
        var member = queues.FindMember(waiter.QueueSid, waiter.CallSid);
        var info = queues.Find(session.Account.AccountSid, waiter.QueueSid);
        return
        [
            new("QueueSid", waiter.QueueSid),
            new("QueuePosition", (member?.Position ?? 0).ToString(CultureInfo.InvariantCulture)),
            new("QueueTime", Seconds(time.GetElapsedTime(started))),
            new("AvgQueueTime", Seconds(info?.AverageWaitTime ?? TimeSpan.Zero)),
            new("CurrentQueueSize", (info?.CurrentSize ?? 0).ToString(CultureInfo.InvariantCulture)),
            new("MaxQueueSize", (info?.MaxSize ?? 0).ToString(CultureInfo.InvariantCulture)),
        ];
    }

    private VerbOutcome Finish(EnqueueVerb verb, CallSession session, string result, string queueSid, TimeSpan waited, Navigation? next)
    {
        var hangUp = ReferenceEquals(next, HangUpMarker) || session.Call.Lifecycle.IsEnded;
        if (result == QueueResult.Redirected && next is not null && !hangUp)
        {
            return VerbOutcome.Navigate(next);
        }

        if (verb.Action is not { OriginalString.Length: > 0 } url)
        {
            return hangUp ? VerbOutcome.HangUp : VerbOutcome.Continue;
        }

        KeyValuePair<string, string>[] parameters = [new("QueueResult", result), new("QueueSid", queueSid), new("QueueTime", Seconds(waited))];
        var action = session.Resolve(url);
        if (!hangUp)
        {
            return VerbOutcome.Navigate(new Navigation(action, verb.Method, parameters));
        }

        // As Dial does: the action of a caller who hung up is requested too; nothing more runs.
        dispatcher.Enqueue(session.CallSid, session.Request(action, verb.Method, parameters));
        return VerbOutcome.HangUp;
    }

    private static string Seconds(TimeSpan span) => ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 111, Level = LogLevel.Information, Message = "Enqueued in {Queue} at position {Position}")]
    private partial void LogEnqueued(string queue, int position);

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 112, Level = LogLevel.Information, Message = "Left queue {Queue}: {Result}")]
    private partial void LogLeft(string queue, string result);

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 113, Level = LogLevel.Information, Message = "Not enqueued in {Queue}: {Why}")]
    private partial void LogRefused(string queue, string why);
}
