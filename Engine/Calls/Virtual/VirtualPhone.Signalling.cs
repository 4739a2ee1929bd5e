namespace RcmlEngine.Calls.Virtual;

internal sealed partial class VirtualPhone
{
    /// <inheritdoc />
    public Task RingAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (Lifecycle.MarkRinging())
        {
            Record(VirtualPhoneEventKind.Ringing, $"ringing: call {Info.CallSid} from {Info.From} to {Info.To}");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AnswerAsync(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (Lifecycle.MarkAnswered())
        {
            Record(VirtualPhoneEventKind.Answered, "answered");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RejectAsync(RejectionReason reason, CancellationToken cancellationToken) => RejectAsync(reason, [], cancellationToken);

    /// <inheritdoc />
    public Task RejectAsync(RejectionReason reason, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (Lifecycle.IsAnswered)
        {
            throw new InvalidOperationException("an answered call cannot be rejected; hang it up");
        }

        var ended = Lifecycle.MarkEnded(reason == RejectionReason.Busy ? CallEndReason.RejectedBusy : CallEndReason.Rejected);
        if (ended)
        {
            var signal = reason == RejectionReason.Busy ? "486 Busy Here" : "603 Decline";
            Record(VirtualPhoneEventKind.Rejected, $"rejected with {signal} ({Lifecycle.Status.ToWebhookValue()}){Carrying(headers)}");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task HangUpAsync(CancellationToken cancellationToken) => HangUpAsync([], cancellationToken);

    /// <inheritdoc />
    public Task HangUpAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        if (Lifecycle.MarkEnded(CallEndReason.EngineHungUp))
        {
            Record(VirtualPhoneEventKind.HungUp, $"engine hangs up ({Lifecycle.Status.ToWebhookValue()}, {Lifecycle.DurationSeconds} s){Carrying(headers)}");
        }

        return Task.CompletedTask;
    }

    // What a SIP peer would find on the BYE or the rejection.
    private static string Carrying(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Count == 0 ? string.Empty : " with " + string.Join(", ", headers.Select(h => $"{h.Key}: {h.Value}"));

    private void ThrowIfEnded(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Lifecycle.Ended.ThrowIfCancellationRequested();
    }

    private void ThrowUnlessAnswered(CancellationToken cancellationToken)
    {
        ThrowIfEnded(cancellationToken);
        if (!Lifecycle.IsAnswered && !_earlyMedia)
        {
            throw new InvalidOperationException("media needs an answered call; answer it first");
        }
    }

    // One token for an operation: the caller's, and the call's end.
    private CancellationTokenSource Link(CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifecycle.Ended);
}
