using System.Net;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// RFC 3263 4 without NAPTR: a numeric host is used as it is (never looked up); a name with a port
/// gets A/AAAA; a name without a port gets SRV (<c>_sip._udp</c>, <c>_sip._tcp</c>, or the one its
/// <c>;transport=</c> names), ordered by priority then weight, falling back to A/AAAA on port 5060.
/// </summary>
internal sealed class Rfc3263Resolver(IDnsLookup dns) : ISipResolver
{
    public async Task<IReadOnlyList<SipDestination>> ResolveAsync(SipUri uri, CancellationToken cancellationToken)
    {
        if (!uri.IsSip)
        {
            throw new SipTransportException($"cannot route to a {uri.Scheme}: URI");
        }

        var explicitTransport = uri.Transport switch
        {
            null => (SipTransportKind?)null,
            "udp" => SipTransportKind.Udp,
            "tcp" => SipTransportKind.Tcp,
            var other => throw new SipTransportException($"transport '{other}' is not supported"),
        };

        // RFC 3263 4.1: without a transport, sips means TCP (TLS) and numeric or ported hosts mean UDP.
        var transport = explicitTransport ?? (uri.IsSecure ? SipTransportKind.Tcp : SipTransportKind.Udp);
        var host = uri.MAddrOrHost();
        if (IPAddress.TryParse(host, out var address))
        {
            return [new SipDestination(transport, new IPEndPoint(address, uri.Port ?? SipListenOptions.DefaultPort), explicitTransport is not null)];
        }

        if (uri.Port is { } port)
        {
            return await AddressesAsync(host, port, transport, explicitTransport is not null, cancellationToken);
        }

        var destinations = new List<SipDestination>();
        SipTransportKind[] kinds = explicitTransport is { } k ? [k] : [SipTransportKind.Udp, SipTransportKind.Tcp];
        foreach (var kind in kinds)
        {
            var service = kind == SipTransportKind.Udp ? "_sip._udp." : "_sip._tcp.";
            var records = await dns.QuerySrvAsync(service + host, cancellationToken);
            foreach (var record in records.OrderBy(r => r.Priority).ThenByDescending(r => r.Weight))
            {
                destinations.AddRange(await AddressesAsync(record.Target, record.Port, kind, explicitTransport is not null, cancellationToken));
            }
        }

        if (destinations.Count == 0)
        {
            destinations.AddRange(await AddressesAsync(host, SipListenOptions.DefaultPort, transport, explicitTransport is not null, cancellationToken));
        }

        return destinations;
    }

    private async Task<IReadOnlyList<SipDestination>> AddressesAsync(string host, int port, SipTransportKind transport, bool isExplicit, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var numeric))
        {
            return [new SipDestination(transport, new IPEndPoint(numeric, port), isExplicit)];
        }

        var addresses = await dns.QueryAddressesAsync(host, cancellationToken);
        if (addresses.Count == 0)
        {
            throw new SipTransportException($"no address found for {host}");
        }

        return addresses.Select(a => new SipDestination(transport, new IPEndPoint(a, port), isExplicit)).ToList();
    }
}
