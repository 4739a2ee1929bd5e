using RcmlEngine.Calls.Dialing;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// A Dial's bridge while it lasts, as transfers see it: the caller, the dialed leg, the Dial, and the
/// way to break the bridge for a <see cref="DialHandover"/>. Registered with <see cref="DialTransfers"/>
/// (so an attended transfer can find it by dialog) from the bridge's start to its end.
/// </summary>
internal sealed class DialBridge(CallSession session, DialVerb verb, IBridgeableCall caller, DialLeg winner, CancellationTokenSource bridge)
{
    private readonly Lock _sync = new();
    private bool _claimed;
    private bool _closed;

    /// <summary>The session of the call that runs the Dial.</summary>
    public CallSession Session { get; } = session;

    /// <summary>The Dial.</summary>
    public DialVerb Verb { get; } = verb;

    /// <summary>The Dial's caller.</summary>
    public IBridgeableCall Caller { get; } = caller;

    /// <summary>The dialed party that answered.</summary>
    public DialLeg Winner { get; } = winner;

    /// <summary>Set when a transfer broke the bridge.</summary>
    public DialHandover? Handover { get; private set; }

    /// <summary>The party of the bridge other than <paramref name="party"/>.</summary>
    public IBridgeableCall OtherThan(IBridgeableCall party) => ReferenceEquals(party, Caller) ? Winner.Call : Caller;

    /// <summary>True when <paramref name="dialog"/> names one of the two legs; that leg is returned.</summary>
    public IBridgeableCall? LegWith(CallDialogId dialog) =>
        Caller is ITransferableCall c && c.HasDialog(dialog) ? Caller
        : Winner.Call is ITransferableCall w && w.HasDialog(dialog) ? Winner.Call
        : null;

    /// <summary>Reserves the bridge for one transfer; false when another has it or the bridge is over.</summary>
    public bool TryClaim()
    {
        lock (_sync)
        {
            if (_claimed || _closed)
            {
                return false;
            }

            _claimed = true;
            return true;
        }
    }

    /// <summary>Gives back a claim that was not used.</summary>
    public void Unclaim()
    {
        lock (_sync)
        {
            _claimed = false;
        }
    }

    /// <summary>Breaks the (claimed) bridge: the Dial follows <paramref name="handover"/>; false when the bridge has ended meanwhile.</summary>
    public bool Break(DialHandover handover)
    {
        lock (_sync)
        {
            if (_closed)
            {
                return false;
            }

            Handover = handover;
            _ = bridge.CancelAsync();
            return true;
        }
    }

    /// <summary>The bridge is over: no transfer can claim it any more.</summary>
    public void Close()
    {
        lock (_sync)
        {
            _closed = true;
        }
    }
}
