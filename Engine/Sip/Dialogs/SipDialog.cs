using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Dialogs;

/// <summary>
/// A dialog (RFC 3261 12): Call-ID, local and remote tags, sequence numbers, remote target and
/// route set. Builds in-dialog requests with loose or strict routing (RFC 3261 12.2.1.1).
/// </summary>
internal sealed class SipDialog
{
    private readonly Lock _lock = new();

    private SipDialog(string callId, SipNameAddress local, SipNameAddress remote, SipUri remoteTarget, IReadOnlyList<SipNameAddress> routeSet, bool isUac)
    {
        CallId = callId;
        Local = local;
        Remote = remote;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        IsUac = isUac;
    }

    public string CallId { get; }

    /// <summary>Our party: From for a dialog we started, To (with our tag) for one we answered.</summary>
    public SipNameAddress Local { get; }

    /// <summary>The peer's party, with its tag once known.</summary>
    public SipNameAddress Remote { get; private set; }

    public string LocalTag => Local.Tag!;

    public string? RemoteTag => Remote.Tag;

    public bool IsUac { get; }

    public SipDialogState State { get; set; } = SipDialogState.Early;

    /// <summary>The peer's Contact URI: where in-dialog requests go (updated by target refresh).</summary>
    public SipUri RemoteTarget { get; private set; }

    public IReadOnlyList<SipNameAddress> RouteSet { get; private set; }

    public long LocalSeq { get; private set; }

    /// <summary>The peer's last CSeq, or -1 before any.</summary>
    public long RemoteSeq { get; private set; } = -1;

    /// <summary>RFC 3261 12.1.2: the UAC's dialog from the INVITE it sent and a 1xx/2xx with a To tag.</summary>
    public static SipDialog ForUac(SipRequest invite, SipResponse response)
    {
        // The route set is the Record-Route of the response, reversed.
        var routes = response.RecordRoutes.Reverse().ToList();
        var target = response.Contact?.Uri ?? invite.Uri;
        var dialog = new SipDialog(invite.CallId!, invite.From!, response.To!, target, routes, isUac: true)
        {
            LocalSeq = invite.CSeq!.Value.Number,
        };
        return dialog;
    }

    /// <summary>RFC 3261 12.1.1: the UAS's dialog from the INVITE it received and the tag it chose.</summary>
    public static SipDialog ForUas(SipRequest invite, string localTag)
    {
        var target = invite.Contact?.Uri ?? invite.From!.Uri;
        return new SipDialog(invite.CallId!, invite.To!.WithTag(localTag), invite.From!, target, invite.RecordRoutes.ToList(), isUac: false)
        {
            RemoteSeq = invite.CSeq!.Value.Number,
            LocalSeq = Random.Shared.Next(1, 1 << 20),
        };
    }

    /// <summary>Applies a 2xx (or a later 1xx): remote tag, target and, before confirmation, route set.</summary>
    public void Update(SipResponse response)
    {
        lock (_lock)
        {
            if (State == SipDialogState.Early)
            {
                Remote = response.To ?? Remote;
                RouteSet = response.RecordRoutes.Reverse().ToList();
            }

            if (response.Contact is { } contact)
            {
                RemoteTarget = contact.Uri;
            }
        }
    }

    /// <summary>A target refresh (re-INVITE, UPDATE) from the peer changes where requests go (RFC 3261 12.2.2).</summary>
    public void RefreshTarget(SipRequest request)
    {
        if (request.Contact is { } contact)
        {
            lock (_lock)
            {
                RemoteTarget = contact.Uri;
            }
        }
    }

    /// <summary>
    /// RFC 3261 12.2.2: checks the CSeq of a request from the peer; false when it is lower than the
    /// last one (the UAS answers 500).
    /// </summary>
    public bool AcceptRemoteSeq(SipRequest request)
    {
        var seq = request.CSeq!.Value.Number;
        lock (_lock)
        {
            if (RemoteSeq >= 0 && seq < RemoteSeq)
            {
                return false;
            }

            if (request.Method != SipMethods.Ack && request.Method != SipMethods.Cancel)
            {
                RemoteSeq = seq;
            }

            return true;
        }
    }

    /// <summary>
    /// A new in-dialog request (RFC 3261 12.2.1.1): CSeq one above the last (ACK reuses the INVITE's,
    /// given in <paramref name="cseq"/>), Request-URI and Route from the remote target and route set.
    /// </summary>
    public SipRequest CreateRequest(string method, long? cseq = null)
    {
        long number;
        SipUri requestUri;
        List<string> routes;
        lock (_lock)
        {
            number = cseq ?? ++LocalSeq;
            (requestUri, routes) = Routing();
        }

        var request = new SipRequest(method, requestUri);
        foreach (var route in routes)
        {
            request.Headers.Add(SipHeaderNames.Route, route);
        }

        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, Local.ToString());
        request.Headers.Add(SipHeaderNames.To, Remote.ToString());
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, new SipCSeq(number, method).ToString());
        return request;
    }

    /// <summary>
    /// Moves the local CSeq on to at least <paramref name="number"/> (a request retried with
    /// credentials takes a new CSeq, RFC 3261 22.2) and returns the number to use.
    /// </summary>
    public long BumpLocalSeq(long number)
    {
        lock (_lock)
        {
            LocalSeq = Math.Max(LocalSeq + 1, number);
            return LocalSeq;
        }
    }

    /// <summary>Where an in-dialog request goes first: the top Route, or the Request-URI.</summary>
    public static SipUri NextHop(SipRequest request) => request.TopRoute?.Uri ?? request.Uri;

    private (SipUri RequestUri, List<string> Routes) Routing()
    {
        if (RouteSet.Count == 0)
        {
            return (RemoteTarget, []);
        }

        if (RouteSet[0].Uri.Parameters.Contains("lr"))
        {
            return (RemoteTarget, RouteSet.Select(r => r.ToString()).ToList());
        }

        // Strict routing: the first route becomes the Request-URI and the remote target goes last.
        var routes = RouteSet.Skip(1).Select(r => r.ToString()).ToList();
        routes.Add(new SipNameAddress(RemoteTarget).ToString());
        return (RouteSet[0].Uri.WithoutHeaders(), routes);
    }
}
