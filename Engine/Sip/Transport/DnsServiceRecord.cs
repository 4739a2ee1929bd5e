namespace RcmlEngine.Sip.Transport;

/// <summary>An SRV record (RFC 2782).</summary>
internal sealed record DnsServiceRecord(int Priority, int Weight, int Port, string Target);
