using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// The final word a transfer owes its transferor: the first <c>&lt;Dial&gt;</c> of the <c>referUrl</c> document
/// (200 when answered, its failure status otherwise), or the end of that document. Once resolved, the
/// final NOTIFY goes out and the transferor is released: it normally hangs up itself on NOTIFY 200
/// (RFC 5589); if it has not within <see cref="ByeGrace"/>, the engine hangs it up.
/// </summary>
internal sealed class TransferNotice(CallTransferRequest request, ICall transferor, TimeProvider time)
{
    /// <summary>How long the transferor may take to hang up by itself after the final NOTIFY.</summary>
    public static readonly TimeSpan ByeGrace = TimeSpan.FromSeconds(2);

    private int _resolved;

    /// <summary>Completes once the transferor is released.</summary>
    public Task Released { get; private set; } = Task.CompletedTask;

    /// <summary>True once resolved.</summary>
    public bool IsResolved => Volatile.Read(ref _resolved) != 0;

    /// <summary>The SIP status a Dial's outcome stands for in the NOTIFY (RFC 3515 2.4.5).</summary>
    public static int SipStatusOf(DialStatus status, int legStatus) => status switch
    {
        DialStatus.Answered => 200,
        _ when legStatus >= 300 => legStatus,
        DialStatus.Busy => 486,
        DialStatus.NoAnswer => 480,
        DialStatus.Canceled => 487,
        _ => 500,
    };

    /// <summary>Sends the final NOTIFY with <paramref name="statusCode"/> and releases the transferor; once only.</summary>
    public void Resolve(int statusCode)
    {
        if (Interlocked.Exchange(ref _resolved, 1) == 0)
        {
            Released = ReleaseAsync(request, transferor, statusCode, time);
        }
    }

    /// <summary>Final NOTIFY, then the transferor's own BYE within <see cref="ByeGrace"/>, else ours.</summary>
    public static async Task ReleaseAsync(CallTransferRequest request, ICall transferor, int statusCode, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transferor);
        await request.NotifyAsync(statusCode, CancellationToken.None).WaitAsync(ByeGrace + ByeGrace, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!transferor.Lifecycle.IsEnded)
        {
            await Task.Delay(ByeGrace, time, transferor.Lifecycle.Ended).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (!transferor.Lifecycle.IsEnded)
        {
            await transferor.HangUpAsync(CancellationToken.None);
        }
    }
}
