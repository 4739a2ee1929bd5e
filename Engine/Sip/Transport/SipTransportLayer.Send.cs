using System.Net;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

internal sealed partial class SipTransportLayer
{
    /// <summary>Told of every message parsed or first sent; null (the default) traces nothing.</summary>
    public ISipMessageTrace? Trace { get; set; }

    /// <summary>
    /// Writes the top Via's transport and sent-by for the chosen transport (with <c>;rport</c>,
    /// RFC 3581 3) and serializes the request. A UDP request over the size threshold goes over TCP
    /// instead unless the URI pinned UDP (RFC 3261 18.1.1). Returns where it goes and the bytes,
    /// which a client transaction sends and retransmits as they are.
    /// </summary>
    public (SipRemote Target, byte[] Bytes) PrepareRequest(SipRequest request, SipDestination destination)
    {
        var kind = destination.Transport;
        var bytes = Prepare(request, kind, destination.EndPoint);
        if (kind == SipTransportKind.Udp && !destination.TransportExplicit && bytes.Length > _options.UdpSizeThreshold && Has(SipTransportKind.Tcp))
        {
            kind = SipTransportKind.Tcp;
            bytes = Prepare(request, kind, destination.EndPoint);
        }

        var target = new SipRemote(kind, destination.EndPoint);
        Trace?.OnMessage(request, outgoing: true, target);
        return (target, bytes);
    }

    /// <summary>Sends bytes again (a retransmission) or a message already prepared for <paramref name="target"/>.</summary>
    public async Task SendRawAsync(SipRemote target, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var transport = Find(target.Transport, target.EndPoint.AddressFamily)
            ?? throw new SipTransportException($"no {target.Transport} transport is configured");
        await transport.SendAsync(target.EndPoint, bytes, target.ConnectionId, cancellationToken);
    }

    /// <summary>
    /// Sends a response along the Via (RFC 3261 18.2.2): on the request's TCP connection while it is
    /// open (else a new one to received:port); over UDP to received and rport (RFC 3581 4) or the
    /// sent-by port. Returns the target, for retransmissions.
    /// </summary>
    public async Task<SipRemote> SendResponseAsync(SipResponse response, SipRemote requestSource, CancellationToken cancellationToken)
    {
        var bytes = SipWriter.ToBytes(response);
        var target = ResponseTarget(response.TopVia, requestSource);
        Trace?.OnMessage(response, outgoing: true, target);
        await SendRawAsync(target, bytes, cancellationToken);
        return target;
    }

    /// <summary>The address a response to a request from <paramref name="source"/> goes to (RFC 3261 18.2.2).</summary>
    public static SipRemote ResponseTarget(SipVia? via, SipRemote source)
    {
        if (via is null)
        {
            return source;
        }

        var host = via.Received ?? via.Host;
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return source;
        }

        var port = source.IsReliable
            ? via.Port ?? SipListenOptions.DefaultPort
            : via.RPort ?? via.Port ?? SipListenOptions.DefaultPort;
        return source with { EndPoint = new IPEndPoint(address, port) };
    }

    private byte[] Prepare(SipRequest request, SipTransportKind kind, IPEndPoint remote)
    {
        var (host, port) = LocalAddressFor(kind, remote);
        var top = request.TopVia;
        var parameters = top is null ? new SipParameters() : new SipParameters(top.Parameters);
        if (!parameters.Contains("rport"))
        {
            parameters.Set("rport", null);
        }

        var via = new SipVia(kind == SipTransportKind.Udp ? "UDP" : "TCP", host, port, parameters);
        if (top is null)
        {
            request.Headers.AddFirst(SipHeaderNames.Via, via.ToString());
        }
        else
        {
            request.Headers.ReplaceFirstValue(SipHeaderNames.Via, via.ToString());
        }

        return SipWriter.ToBytes(request);
    }
}
