using System.Net;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// Addresses that are not on the public internet: loopback, private (RFC 1918, RFC 4193), link-local
/// (169.254.0.0/16 holds cloud metadata services; fe80::/10), carrier-grade NAT (RFC 6598), benchmarking,
/// multicast, reserved and unspecified ones (the IANA special-purpose registries, RFC 6890).
/// </summary>
internal static class PrivateAddresses
{
    private static readonly IPNetwork[] Ranges =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b::/96"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>True when <paramref name="address"/> is not a public unicast address (IPv4-mapped IPv6 is judged as IPv4).</summary>
    public static bool Contains(IPAddress address) => AddressRanges.Contains(Ranges, address);
}
