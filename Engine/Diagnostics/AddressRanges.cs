using System.Net;

namespace RcmlEngine.Diagnostics;

/// <summary>
/// CIDR lists from configuration (<c>10.0.0.0/8</c>, <c>203.0.113.7</c>, <c>2001:db8::/32</c>), shared by
/// the SIP source checks and the webhook address policy. IPv4-mapped IPv6 addresses are compared as IPv4.
/// </summary>
internal static class AddressRanges
{
    /// <summary>Reads one entry: a CIDR range, or a bare address (a /32 or /128).</summary>
    public static bool TryParse(string? text, out IPNetwork range)
    {
        range = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            address = Normalize(address);
            range = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out range);
    }

    /// <summary>Reads every entry; throws <see cref="FormatException"/> naming the first that is not a range.</summary>
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ranges = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (!TryParse(entry, out var range))
            {
                throw new FormatException($"'{entry}' is not an IP address or CIDR range");
            }

            ranges.Add(range);
        }

        return ranges;
    }

    /// <summary>True when <paramref name="address"/> is in one of <paramref name="ranges"/>.</summary>
    public static bool Contains(IReadOnlyList<IPNetwork> ranges, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);
        foreach (var range in ranges)
        {
            if (range.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The IPv4 address of an IPv4-mapped IPv6 address; any other address unchanged.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
