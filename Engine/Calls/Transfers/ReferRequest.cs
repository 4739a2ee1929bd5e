namespace RcmlEngine.Calls.Transfers;

/// <summary>Where to transfer a call to, and how long to follow the transfer.</summary>
internal sealed record ReferRequest
{
    /// <summary>How long the transfer is followed after the REFER was accepted, by default.</summary>
    public static readonly TimeSpan DefaultNotifyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The SIP URI to transfer to, as written in RCML: <c>sip:bob@example.com?X-Ticket=42&amp;User-to-User=...</c>.
    /// Its headers travel as Refer-To URI headers (only <c>X-</c> ones and those Twilio passes on a Dial),
    /// so the far end puts them on the INVITE it sends.
    /// </summary>
    public required string Target { get; init; }

    /// <summary>How long to wait for the final NOTIFY once the REFER was accepted; then <see cref="ReferCallStatus.NoAnswer"/>.</summary>
    public TimeSpan NotifyTimeout { get; init; } = DefaultNotifyTimeout;
}
