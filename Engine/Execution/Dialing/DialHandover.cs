using RcmlEngine.Calls;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// What a Dial does once a transfer has broken its bridge (the two phones are up, unbridged): the
/// <see cref="Transferor"/> is released by the transfer; the party that stays goes on with
/// <see cref="ContinueAsync"/> (a <c>referUrl</c> document, or a bridge to another call).
/// </summary>
internal sealed class DialHandover
{
    /// <summary>The party that asked for the transfer; it is hung up when the transfer is done.</summary>
    public required ICall Transferor { get; init; }

    /// <summary>True when the Dial's caller stays (the dialed party transferred), false when the dialed party stays.</summary>
    public required bool CallerStays { get; init; }

    /// <summary>
    /// Runs once the bridge is down. When the caller stays, the Dial awaits it with the caller's token; when
    /// the dialed party stays, it runs on its own and owns that leg (given), which it hangs up and frees at its end.
    /// </summary>
    public required Func<DialLeg?, CancellationToken, Task> ContinueAsync { get; init; }
}
