using System.Globalization;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Conferencing;
using RcmlEngine.Execution.Dialing;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Queues;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Queueing;

/// <summary>
/// <c>&lt;Dial&gt;&lt;Queue&gt;</c>: the agent's call takes the caller who waited longest (waiting up to the Dial's
/// <c>timeout</c> for one when the queue is empty), the caller runs the Queue's <c>url</c>, then the two are
/// bridged until either hangs up (or the Dial's <c>timeLimit</c>, or the agent's <c>*</c> with
/// <c>hangupOnStar</c>). A caller who hangs up before the bridge is passed over: the agent takes the next.
/// </summary>
internal sealed partial class QueueDialing(
    IQueueStore queues, QueueWaiters waiters, CallIssueReporter reporter, TimeProvider time, ILogger<QueueDialing> logger,
    AgentBridgeNotifier? notifier = null)
{
    /// <summary>Runs the Dial for its Queue noun; returns the Dial's action parameters, or null when the call cannot dial a queue.</summary>
    public async Task<List<KeyValuePair<string, string>>?> DialAsync(DialVerb verb, QueueNoun noun, CallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Call is not IBridgeableCall agent)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DialNotPossible,
                $"<Queue> at {noun.Span}: this call cannot be connected to a caller; it was skipped"));
            return null;
        }

        await agent.AnswerAsync(cancellationToken);
        var answered = time.GetTimestamp();
        var queue = queues.Open(session.Account.AccountSid, noun.Name);
        using var timeout = new CancellationTokenSource(verb.Timeout, time);
        using var looking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, agent.Lifecycle.Ended);
        while (true)
        {
            QueueMember member;
            try
            {
                member = await queues.TakeNextAsync(queue.Sid, looking.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogNobody(noun.Name);
                return [new("DialCallStatus", agent.Lifecycle.IsEnded ? "canceled" : "no-answer"), new("QueueSid", queue.Sid)];
            }

            var taking = new QueueTaking(session.CallSid, noun.Url is null ? null : session.Resolve(noun.Url), noun.Method);
            if (waiters.Find(member.CallSid) is not { } waiter || !waiter.TryTake(taking))
            {
                // The caller is gone (or waits on another node): the next one.
                continue;
            }

            if (!await ReadyAsync(waiter, agent, cancellationToken))
            {
                LogPassedOver(member.CallSid);
                continue;
            }

            var bridged = time.GetTimestamp();
            if (waiter.Session is { } caller)
            {
                notifier?.QueueBridged(caller, agent, member.WaitTime);
            }

            await BridgeAsync(verb, agent, waiter, time.GetElapsedTime(answered), cancellationToken);
            return
            [
                new("DialCallStatus", "completed"),
                new("DialCallSid", member.CallSid),
                new("DialCallDuration", ((int)time.GetElapsedTime(bridged).TotalSeconds).ToString(CultureInfo.InvariantCulture)),
                new("QueueSid", queue.Sid),
                new("QueueTime", ((int)member.WaitTime.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
                new("DequeingCallSid", session.CallSid),
            ];
        }
    }

    // True once the taken caller ran its dequeue document; false when it left meanwhile. The agent hanging up releases it.
    private static async Task<bool> ReadyAsync(QueueWaiter waiter, IBridgeableCall agent, CancellationToken cancellationToken)
    {
        using var agentUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, agent.Lifecycle.Ended);
        try
        {
            return await waiter.Ready.WaitAsync(agentUp.Token);
        }
        catch (OperationCanceledException)
        {
            waiter.Release(bridged: false);
            throw;
        }
    }

    // dequeueing: from the agent's answer to this bridge (the queue's wait for a caller included), logged for scripts/load-queue.sh.
    private async Task BridgeAsync(DialVerb verb, IBridgeableCall agent, QueueWaiter waiter, TimeSpan dequeueing, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(verb.TimeLimit, time);
        using var bridge = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token, waiter.Leaving);
        agent.Digits.Clear();
        var star = new StarWatch(verb.HangupOnStar).WatchAsync(agent, bridge);
        LogBridged(waiter.CallSid, dequeueing.TotalMilliseconds);
        try
        {
            await agent.BridgeAsync(waiter.Call, bridge.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time limit, the agent's *, or the caller's call taken elsewhere: the caller goes on after its Enqueue.
        }
        finally
        {
            await bridge.CancelAsync();
            await star;
            waiter.Release(bridged: true);
        }
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 115, Level = LogLevel.Information, Message = "Dial Queue {Queue}: no caller before the timeout")]
    private partial void LogNobody(string queue);

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 116, Level = LogLevel.Information, Message = "Dial Queue: caller {CallSid} left while being dequeued; taking the next")]
    private partial void LogPassedOver(string callSid);

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 117, Level = LogLevel.Information, Message = "Dial Queue: bridged to caller {CallSid} {DequeueMs:F1} ms after the agent answered")]
    private partial void LogBridged(string callSid, double dequeueMs);
}
