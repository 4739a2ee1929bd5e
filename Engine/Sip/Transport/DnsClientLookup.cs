using System.Net;
using DnsClient;

namespace RcmlEngine.Sip.Transport;

/// <summary>The real <see cref="IDnsLookup"/>: the system's resolvers through the DnsClient library.</summary>
internal sealed class DnsClientLookup : IDnsLookup
{
    private readonly LookupClient _client = new(new LookupClientOptions { UseCache = true, Timeout = TimeSpan.FromSeconds(3), Retries = 1 });

    public async Task<IReadOnlyList<DnsServiceRecord>> QuerySrvAsync(string name, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, QueryType.SRV, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException)
        {
            // No answer (timeout, server failure) means no SRV: RFC 3263 4.2 falls back to A/AAAA.
            return [];
        }

        return response.Answers.SrvRecords()
            .Select(r => new DnsServiceRecord(r.Priority, r.Weight, r.Port, r.Target.Value.TrimEnd('.')))
            .ToList();
    }

    public async Task<IReadOnlyList<IPAddress>> QueryAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var v4 = await _client.QueryAsync(host, QueryType.A, QueryClass.IN, cancellationToken);
        var v6 = await _client.QueryAsync(host, QueryType.AAAA, QueryClass.IN, cancellationToken);
        return v4.Answers.ARecords().Select(a => a.Address).Concat(v6.Answers.AaaaRecords().Select(a => a.Address)).ToList();
    }
}
