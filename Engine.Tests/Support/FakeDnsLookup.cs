using System.Net;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Tests.Support;

/// <summary>A DNS that answers from tables and counts queries; tests never reach a real DNS server.</summary>
internal sealed class FakeDnsLookup : IDnsLookup
{
    public Dictionary<string, List<DnsServiceRecord>> Srv { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, List<IPAddress>> Addresses { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Queries { get; } = [];

    public Task<IReadOnlyList<DnsServiceRecord>> QuerySrvAsync(string name, CancellationToken cancellationToken)
    {
        Queries.Add("SRV " + name);
        return Task.FromResult<IReadOnlyList<DnsServiceRecord>>(Srv.GetValueOrDefault(name) ?? []);
    }

    public Task<IReadOnlyList<IPAddress>> QueryAddressesAsync(string host, CancellationToken cancellationToken)
    {
        Queries.Add("A " + host);
        return Task.FromResult<IReadOnlyList<IPAddress>>(Addresses.GetValueOrDefault(host) ?? []);
    }
}
