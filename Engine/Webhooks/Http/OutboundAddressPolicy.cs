using System.Net;
using System.Net.Sockets;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// Where the engine's HTTP clients (documents, callbacks, media) may connect. With blocking on, a host
/// whose addresses are all private (<see cref="PrivateAddresses"/>) and not in the allowed ranges is
/// refused. Checked when connecting, after DNS, on the addresses actually connected to: a public name
/// resolving to 127.0.0.1 or 169.254.169.254 is refused too, and so is every redirect's target.
/// </summary>
internal sealed class OutboundAddressPolicy(bool blockPrivate, IReadOnlyList<IPNetwork> allowed)
{
    /// <summary>A policy that lets everything through.</summary>
    public static OutboundAddressPolicy Open { get; } = new(false, []);

    /// <summary>True when private addresses are refused.</summary>
    public bool BlocksPrivate => blockPrivate;

    /// <summary>True when connecting to <paramref name="address"/> is refused.</summary>
    public bool IsBlocked(IPAddress address) =>
        blockPrivate && PrivateAddresses.Contains(address) && !AddressRanges.Contains(allowed, address);

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, drops the blocked addresses
    /// and connects to the others (in order). Throws <see cref="BlockedAddressException"/> when none is left.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = addresses.Where(a => !IsBlocked(a)).ToArray();
        if (usable.Length == 0)
        {
            throw new BlockedAddressException(
                $"{host} is a private, loopback or link-local address ({string.Join(", ", addresses.Select(a => a.ToString()))}); refused by Webhooks:BlockPrivateAddresses");
        }

        // Dual mode where IPv6 exists, so one socket can try IPv6 and IPv4 addresses alike.
        var socket = Socket.OSSupportsIPv6
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
