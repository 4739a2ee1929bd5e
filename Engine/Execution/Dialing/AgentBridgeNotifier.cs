using Microsoft.Extensions.Options;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Notifications;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// Raises the inbound-call notification (docs/notifications.md) when an inbound caller is connected to an
/// agent: a <c>&lt;Dial&gt;&lt;Client&gt;</c> leg (<see cref="Bridged"/>) or, for <c>&lt;Dial&gt;&lt;Queue&gt;</c>,
/// the agent that took the caller (<see cref="QueueBridged(CallSession, ICall, TimeSpan)"/>). Does nothing
/// without a configured sink, for calls that are not inbound, and never throws into the call.
/// </summary>
internal sealed class AgentBridgeNotifier(IOptions<NotificationOptions> options, IInboundCallNotifier? notifier = null)
{
    private const string ClientPrefix = "client:";

    /// <summary>True when a sink takes the notifications.</summary>
    public bool Enabled => notifier is not null;

    /// <summary>The caller of a <c>&lt;Dial&gt;</c> was bridged to <paramref name="winner"/>: notified when it is a Client.</summary>
    public void Bridged(CallSession caller, DialLeg winner)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(winner);
        if (winner.Party.Kind == DialTargetKind.Client)
        {
            Notify(caller.Call, winner.Party.Target, TimeSpan.Zero, ContactRefOf(caller));
        }
    }

    /// <summary>
    /// For <c>&lt;Dial&gt;&lt;Queue&gt;</c>: the queued <paramref name="caller"/> is being bridged to the agent's call
    /// <paramref name="agent"/> after waiting <paramref name="holdTime"/>. <c>ref</c> is the agent's client name or
    /// extension (its <c>From</c>, without <c>client:</c>). Call it once per bridge, when the agent is connected.
    /// </summary>
    public void QueueBridged(CallSession caller, ICall agent, TimeSpan holdTime)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(agent);
        QueueBridged(caller.Call, AgentRefOf(agent), holdTime, ContactRefOf(caller));
    }

    /// <summary>
    /// For <c>&lt;Dial&gt;&lt;Queue&gt;</c> when only the caller's call is at hand: <paramref name="agentRef"/> as
    /// <c>ref</c>, <paramref name="contactRef"/> (see <see cref="ContactRefOf"/>) as <c>contact_ref</c>.
    /// </summary>
    public void QueueBridged(ICall caller, string agentRef, TimeSpan holdTime, string contactRef)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Notify(caller, agentRef, holdTime, contactRef);
    }

    /// <summary>
    /// The caller's reference: the last value sent under <c>Notifications:ContactRefParameter</c> during the call
    /// (<c>Digits</c> of its last Gather), else that query parameter of the document running; "" when not configured or absent.
    /// </summary>
    public string ContactRefOf(CallSession caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (options.Value.ContactRefParameter is not { Length: > 0 } name)
        {
            return string.Empty;
        }

        return caller.SentParameters.TryGetValue(name, out var sent) ? sent : QueryValue(caller.DocumentUrl, name) ?? string.Empty;
    }

    /// <summary>
    /// The agent's name for <c>ref</c>, without a <c>client:</c> prefix: its call's <c>From</c> when the agent called
    /// in, its <c>To</c> when the engine called the agent (an API call to <c>client:alice</c> running the agent document).
    /// </summary>
    public static string AgentRefOf(ICall agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var party = agent.Info.Direction == CallDirection.Inbound ? agent.Info.From : agent.Info.To;
        return party.StartsWith(ClientPrefix, StringComparison.OrdinalIgnoreCase) ? party[ClientPrefix.Length..] : party;
    }

    private void Notify(ICall caller, string agentRef, TimeSpan holdTime, string contactRef)
    {
        if (notifier is null || caller.Info.Direction != CallDirection.Inbound)
        {
            return;
        }

        notifier.Notify(new InboundCallNotification
        {
            Number = caller.Info.From,
            DialNumber = caller.Info.To,
            HoldTime = (int)Math.Max(0, Math.Floor(holdTime.TotalSeconds)),
            CallRef = caller.Info.CallSid,
            ContactRef = contactRef,
            Ref = agentRef,
        });
    }

    private static string? QueryValue(Uri url, string name)
    {
        if (!url.IsAbsoluteUri || url.Query.Length < 2)
        {
            return null;
        }

        foreach (var pair in url.Query[1..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
