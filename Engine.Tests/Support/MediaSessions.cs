using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Support;

/// <summary>Media sessions on 127.0.0.1 for tests, on a real pacer, and SDP for hand-made peers.</summary>
internal sealed class MediaSessions : IDisposable
{
    public MediaSessions(TimeProvider? time = null, RtpOptions? rtpOptions = null)
    {
        var clock = time ?? TimeProvider.System;
        RtpOptions = rtpOptions ?? new RtpOptions { MinPort = FreePorts.MediaRangeStart, MaxPort = FreePorts.MediaRangeStart + 39 };
        Pacer = new RtpPacer(TimeProvider.System, NullLogger<RtpPacer>.Instance, new RtpOptions());
        Poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, new RtpOptions());
        Factory = new MediaSessionFactory(
            new RtpPortAllocator(RtpOptions),
            Pacer,
            Poller,
            RtpOptions,
            new MediaSessionOptions { BindAddress = IPAddress.Loopback },
            clock,
            NullLoggerFactory.Instance);
    }

    public RtpOptions RtpOptions { get; }

    public RtpPacer Pacer { get; }

    public RtpReceivePoller Poller { get; }

    public MediaSessionFactory Factory { get; }

    /// <summary>An SDP offer or answer from a peer at <paramref name="rtpPort"/> on 127.0.0.1.</summary>
    public static string PeerSdp(int rtpPort, string formats = "0 8 101", string extra = "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n") =>
        $"v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP {formats}\r\n{extra}";

    public void Dispose()
    {
        Pacer.Dispose();
        Poller.Dispose();
    }
}
