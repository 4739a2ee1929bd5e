using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// One leg a Dial placed: the party it rings, the call, and the last SIP status it gave (a provisional,
/// then the final one), for the progress callbacks and the action.
/// </summary>
internal sealed class DialLeg : IAsyncDisposable
{
    private int _sipResponseCode;
    private int _disposed;

    /// <summary>Follows <paramref name="call"/>'s progress.</summary>
    public DialLeg(DialParty party, IOutboundCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Party = party;
        Call = call;
        call.Progress += OnProgress;
    }

    /// <summary>The party (noun) it rings.</summary>
    public DialParty Party { get; }

    /// <summary>The leg.</summary>
    public IOutboundCall Call { get; }

    /// <summary>The leg's sid.</summary>
    public string CallSid => Call.Info.CallSid;

    /// <summary>The last SIP status: 0 before any, then 180/183, then the final one of the INVITE.</summary>
    public int SipResponseCode => Call.Outcome.IsCompletedSuccessfully ? Call.Outcome.Result.SipStatusCode : Volatile.Read(ref _sipResponseCode);

    /// <summary>True once the leg sends early media (183 with SDP).</summary>
    public bool HasEarlyMedia { get; private set; }

    /// <summary>Raised when the leg starts sending early media (on a signalling thread).</summary>
    public event EventHandler? EarlyMedia;

    /// <summary>The final outcome once known, else null.</summary>
    public DialOutcome? Outcome => Call.Outcome.IsCompletedSuccessfully ? Call.Outcome.Result : null;

    /// <summary>Status callback subscription, disposed with the leg.</summary>
    public IDisposable? Callbacks { get; set; }

    /// <summary>The tracking of the leg's call record, disposed (final record written) with the leg.</summary>
    public IDisposable? Record { get; set; }

    /// <summary>The leg's place among the live calls (the REST API can hang it up), left with the leg.</summary>
    public IDisposable? Listing { get; set; }

    /// <summary>How the party's screening document ended; null when it has none or it did not run.</summary>
    public ScreeningResult? Screening { get; set; }

    /// <summary>Hangs the leg up (CANCEL before the answer, BYE after) and frees it; idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Call.Progress -= OnProgress;
        await Call.DisposeAsync();
        Callbacks?.Dispose();
        Record?.Dispose();
        Listing?.Dispose();
    }

    private void OnProgress(object? sender, DialProgressEventArgs e)
    {
        Volatile.Write(ref _sipResponseCode, e.SipStatusCode);
        if (e.Progress == DialProgress.EarlyMedia && !HasEarlyMedia)
        {
            HasEarlyMedia = true;
            EarlyMedia?.Invoke(this, EventArgs.Empty);
        }
    }
}
