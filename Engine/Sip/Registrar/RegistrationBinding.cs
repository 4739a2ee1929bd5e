using System.Globalization;
using System.Net;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Registrar;

/// <summary>
/// One contact registered for a client name (RFC 3261 10: a binding of an address-of-record to a
/// contact address), with where its REGISTER really came from. Immutable: a refresh replaces it.
/// </summary>
/// <param name="User">The client name: the user part of the To address-of-record, unescaped.</param>
/// <param name="Contact">The Contact as registered (URI and header parameters such as q and +sip.instance, without expires).</param>
/// <param name="Source">
/// The transport, address and port the REGISTER arrived from (RFC 3581 received/rport), and for TCP
/// the connection: the "flow" to reach the UA behind a NAT. See <see cref="Flow"/>.
/// </param>
/// <param name="ExpiresAt">When the binding lapses unless refreshed.</param>
/// <param name="Q">The q parameter (RFC 3261 20.10, 0 to 1), or null when the contact gave none.</param>
/// <param name="InstanceId">The +sip.instance URN without quotes and angle brackets (RFC 5626 4.1), or null.</param>
/// <param name="RegId">The reg-id parameter (RFC 5626 4.2), or null.</param>
/// <param name="CallId">Call-ID of the REGISTER that last wrote the binding (RFC 3261 10.3 step 7 orders refreshes by it and CSeq).</param>
/// <param name="CSeq">CSeq number of that REGISTER.</param>
/// <param name="UpdatedAt">When that REGISTER was accepted.</param>
/// <param name="UserAgent">Its User-Agent header, for operators, or null.</param>
internal sealed record RegistrationBinding(
    string User,
    SipNameAddress Contact,
    SipRemote Source,
    DateTimeOffset ExpiresAt,
    double? Q,
    string? InstanceId,
    string? RegId,
    string CallId,
    long CSeq,
    DateTimeOffset UpdatedAt,
    string? UserAgent)
{
    /// <summary>The contact address: the Request-URI of an INVITE to this binding.</summary>
    public SipUri ContactUri => Contact.Uri;

    /// <summary>Where the REGISTER came from (received/rport of its top Via).</summary>
    public IPEndPoint SourceEndPoint => Source.EndPoint;

    /// <summary>The transport the REGISTER came over.</summary>
    public SipTransportKind Transport => Source.Transport;

    /// <summary>Ordering weight: <see cref="Q"/>, or 1 when the contact gave none.</summary>
    public double Priority => Q ?? 1.0;

    /// <summary>
    /// Where to send an INVITE for this binding: the source the REGISTER came from, on the same
    /// transport (for TCP the connection it came on is reused while open). Sending there rather than to
    /// the contact's host and port is what reaches a UA behind a NAT (RFC 3581 4: the same address the
    /// UA's own NAT mapping opened; Kamailio calls it the "received" path).
    /// </summary>
    public SipDestination Flow => new(Source.Transport, Source.EndPoint, TransportExplicit: true);

    /// <summary>
    /// True when the contact's host and port differ from the source, i.e. the UA wrote an address that
    /// is not where its requests come from (a NAT, or a UA listening apart from where it sends).
    /// </summary>
    public bool ContactDiffersFromSource
    {
        get
        {
            var uri = Contact.Uri;
            var port = uri.Port ?? SipListenOptions.DefaultPort;
            return !IPAddress.TryParse(uri.HostWithoutBrackets, out var host) || !host.Equals(Source.EndPoint.Address) || port != Source.EndPoint.Port;
        }
    }

    /// <summary>Whole seconds left at <paramref name="now"/> (0 once expired), as a 200 OK reports them.</summary>
    public int RemainingSeconds(DateTimeOffset now) =>
        ExpiresAt <= now ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling((ExpiresAt - now).TotalSeconds));

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>The Contact value listing this binding in a 200 OK (RFC 3261 10.3 step 8: with its expires).</summary>
    public string ToContactHeader(DateTimeOffset now)
    {
        var parameters = new SipParameters(Contact.Parameters).Set("expires", RemainingSeconds(now).ToString(CultureInfo.InvariantCulture));
        return new SipNameAddress(Contact.Uri, null, parameters).ToString();
    }

    /// <summary>Keeps the UA's address readable in logs.</summary>
    public override string ToString() => $"{User} -> {Contact.Uri} via {Source} until {ExpiresAt:O}";
}
