namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// A party's request to transfer its call elsewhere (SIP: a REFER from the phone, RFC 3515). The
/// handler answers it once: <see cref="AcceptAsync"/> (then reports how the transfer went with
/// <see cref="NotifyAsync"/>, a final status last) or <see cref="Decline"/>.
/// </summary>
internal abstract class CallTransferRequest
{
    /// <summary>Where to, as the phone wrote it (SIP: the Refer-To header's value, <c>&lt;sip:bob@example.com&gt;</c>).</summary>
    public abstract string Target { get; }

    /// <summary>The target's URI without its embedded headers (<c>sip:bob@example.com</c>).</summary>
    public abstract string TargetUri { get; }

    /// <summary>The request's own custom headers (<c>X-</c> names), in order.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> CustomHeaders { get; }

    /// <summary>The dialog the target's <c>Replaces</c> names (an attended transfer, RFC 3891), or null.</summary>
    public abstract CallDialogId? Replaces { get; }

    /// <summary>True once the final outcome was reported (or the phone asked for no reports).</summary>
    public abstract bool IsFinished { get; }

    /// <summary>Accepts the request (SIP: 202 Accepted and a NOTIFY of 100 Trying).</summary>
    public abstract Task AcceptAsync(CancellationToken cancellationToken);

    /// <summary>Refuses the request with <paramref name="statusCode"/> (SIP: 603 Decline...).</summary>
    public abstract void Decline(int statusCode);

    /// <summary>
    /// Reports how the transfer goes (SIP: a NOTIFY whose sipfrag carries <paramref name="statusCode"/>; 200 or
    /// more is final). Does nothing once finished; a failure to deliver is swallowed (the phone may have left).
    /// </summary>
    public abstract Task NotifyAsync(int statusCode, CancellationToken cancellationToken);
}
