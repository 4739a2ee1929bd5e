using System.Net;

namespace RcmlEngine.Sip.Transport;

/// <summary>The DNS queries RFC 3263 needs; injectable so tests never ask a real DNS server.</summary>
internal interface IDnsLookup
{
    /// <summary>SRV records for a name like <c>_sip._udp.example.com</c>; empty when there are none.</summary>
    Task<IReadOnlyList<DnsServiceRecord>> QuerySrvAsync(string name, CancellationToken cancellationToken);

    /// <summary>A and AAAA addresses of a host; empty when there are none.</summary>
    Task<IReadOnlyList<IPAddress>> QueryAddressesAsync(string host, CancellationToken cancellationToken);
}
