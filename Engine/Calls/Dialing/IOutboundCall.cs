namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// A leg the engine placed (<c>&lt;Dial&gt;</c>, the REST API). It is an <see cref="ICall"/> once
/// answered: <see cref="ICall.AnswerAsync"/> waits for the callee's answer (and throws
/// <see cref="OperationCanceledException"/> when it never comes), <see cref="ICall.HangUpAsync(CancellationToken)"/> cancels
/// it before the answer and hangs up after. Disposing it hangs it up and frees its media.
/// </summary>
internal interface IOutboundCall : IBridgeableCall, IAsyncDisposable
{
    /// <summary>Completes with how the attempt ended (answered or not); never faults.</summary>
    Task<DialOutcome> Outcome { get; }

    /// <summary>
    /// Ringing and early media before the answer (raised on a signalling thread: keep handlers short). A
    /// handler added after a provisional response came gets the last one at once.
    /// </summary>
    event EventHandler<DialProgressEventArgs>? Progress;
}
