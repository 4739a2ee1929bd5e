using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using RcmlEngine.Rtp;
using RcmlEngine.Sdp;

namespace RcmlEngine.Media.Sessions;

/// <summary>Creates call legs' media sessions: a port pair from the range, an RTP session on the shared pacer and receive poller.</summary>
internal sealed class MediaSessionFactory(
    RtpPortAllocator ports,
    RtpPacer pacer,
    RtpReceivePoller poller,
    RtpOptions rtpOptions,
    MediaSessionOptions options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    /// <summary>
    /// A new session, not started. <paramref name="advertisedAddress"/> (the address the SIP side
    /// uses towards this peer) overrides the configured one in SDP.
    /// </summary>
    /// <exception cref="InvalidOperationException">No RTP port pair is free.</exception>
    public RtpMediaSession Create(IPAddress? advertisedAddress = null)
    {
        var sockets = ports.Allocate(options.BindAddress);
        var rtp = new RtpSession(sockets, pacer, poller, time, loggers.CreateLogger<RtpSession>(), rtpOptions);
        var address = advertisedAddress ?? options.AdvertisedAddress ?? AddressOf(options.BindAddress);
        var local = new SdpLocalAudio(address, sockets.RtpEndPoint.Port)
        {
            Codecs = options.Codecs,
            TelephoneEvent = options.TelephoneEvents,
        };
        return new RtpMediaSession(rtp, local, rtpOptions, time, loggers.CreateLogger<RtpMediaSession>());
    }

    /// <summary>The bound address, or for "any" this host's first up, non-loopback address of that family.</summary>
    private static IPAddress AddressOf(IPAddress bound)
    {
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }

        var family = bound.AddressFamily == AddressFamily.InterNetworkV6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var found = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == family && !a.IsIPv6LinkLocal);
        return found ?? (family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback);
    }
}
