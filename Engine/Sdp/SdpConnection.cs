using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RcmlEngine.Sdp;

/// <summary>A <c>c=</c> line (RFC 4566 5.7): <c>IN IP4 192.0.2.1</c> or <c>IN IP6 2001:db8::1</c>.</summary>
/// <param name="NetworkType">Always <c>IN</c> in practice.</param>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="Address">The address as written, without a multicast <c>/ttl</c> suffix.</param>
internal sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>A connection line for a local address, with the address type of its family.</summary>
    public static SdpConnection For(IPAddress address) =>
        new("IN", AddressTypeOf(address), address.ToString());

    /// <summary><c>IP6</c> for an IPv6 address, else <c>IP4</c>.</summary>
    public static string AddressTypeOf(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";

    /// <summary>The address when it is a literal IP address; null for a host name.</summary>
    public IPAddress? IPAddress =>
        System.Net.IPAddress.TryParse(Address, out var address) ? address : null;

    /// <summary>
    /// True for the old hold convention of RFC 2543: <c>c=IN IP4 0.0.0.0</c> means "do not send to me"
    /// (RFC 3264 8.4 asks answerers to understand it).
    /// </summary>
    public bool IsHoldAddress =>
        IPAddress is { } address && (address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{NetworkType} {AddressType} {Address}");
}
