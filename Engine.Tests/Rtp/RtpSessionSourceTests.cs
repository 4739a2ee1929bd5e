using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Rtp.Rtcp;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rtp;

/// <summary>A third party on another address racing the signalled peer: it neither feeds nor hears the call.</summary>
[TestFixture]
public sealed class RtpSessionSourceTests
{
    private static readonly IPAddress AttackerAddress = IPAddress.Parse("127.0.0.2");

    private RtpPacer _pacer = null!;
    private RtpReceivePoller _poller = null!;
    private UdpTestPeer _peer = null!;
    private UdpTestPeer _attacker = null!;
    private IPEndPoint? _rtcpEndPoint;

    [SetUp]
    public void SetUp()
    {
        _pacer = new RtpPacer(TimeProvider.System, NullLogger<RtpPacer>.Instance, new RtpOptions());
        _poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, new RtpOptions());
        _peer = new UdpTestPeer();
        _attacker = new UdpTestPeer(AttackerAddress);
    }

    [TearDown]
    public void TearDown()
    {
        _attacker.Dispose();
        _peer.Dispose();
        _pacer.Dispose();
        _poller.Dispose();
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_AttackerSendsBeforeThePeer_ItsPacketsAreDroppedAndItHearsNothing(CancellationToken cancellationToken)
    {
        await using var session = Start(new RtpOptions());
        using var attackerHears = new RtpCapture(_attacker.Rtp);
        for (ushort i = 0; i < 5; i++)
        {
            _attacker.SendRtp(session.LocalEndPoint, 0, i, i * 160u, new byte[160], ssrc: 0xBAD);
        }

        _attacker.SendRtp(session.LocalEndPoint, 101, 9, 800, [1, 0x80, 0, 160], ssrc: 0xBAD);
        _peer.SendRtp(session.LocalEndPoint, 0, 1, 0, new byte[160]);
        await _peer.ReceiveRtpAsync(3, cancellationToken);
        await WaitForAsync(() => session.Counters.PacketsReceived >= 1, cancellationToken);

        session.Counters.PacketsReceived.Should().Be(1, "only the signalled peer's packet counts");
        session.RemoteEndPoint.Should().Be(_peer.RtpEndPoint);
        attackerHears.Count.Should().Be(0);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_PeerSilentForLong_AttackerCannotTakeOver(CancellationToken cancellationToken)
    {
        await using var session = Start(new RtpOptions { LatchWindow = TimeSpan.Zero });
        _peer.SendRtp(session.LocalEndPoint, 0, 1, 0, new byte[160]);
        await WaitForAsync(() => session.Counters.PacketsReceived >= 1, cancellationToken);

        // Before, a second of silence let any source take over; now the window is closed for good.
        _attacker.SendRtp(session.LocalEndPoint, 0, 1, 0, new byte[160], ssrc: 0xBAD);
        _peer.SendRtp(session.LocalEndPoint, 0, 2, 160, new byte[160]);
        await WaitForAsync(() => session.Counters.PacketsReceived >= 2, cancellationToken);

        session.Counters.PacketsReceived.Should().Be(2);
        session.RemoteEndPoint.Should().Be(_peer.RtpEndPoint);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task ReceiveRtcp_ByeFromAnotherAddress_IsIgnored(CancellationToken cancellationToken)
    {
        await using var session = Start(new RtpOptions());
        var rtcpTarget = _rtcpEndPoint!;
        var bye = new byte[64];
        var length = RtcpPacket.WriteReceiverReport(bye, 0xBAD, null, 0, 1);
        length += RtcpPacket.WriteBye(bye.AsSpan(length), 0xBAD);
        _attacker.Rtcp.SendTo(bye.AsSpan(0, length), rtcpTarget);
        var report = new byte[64];
        var reportLength = RtcpPacket.WriteReceiverReport(report, 0x5EED, null, 0, 1);
        _peer.Rtcp.SendTo(report.AsSpan(0, reportLength), rtcpTarget);

        await WaitForAsync(() => session.Counters.RtcpReceived >= 1, cancellationToken);

        session.Counters.RtcpReceived.Should().Be(1);
        session.Counters.RemoteSentBye.Should().BeFalse();
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_SymmetricLatchingOn_FollowsAnotherAddressInTheWindow(CancellationToken cancellationToken)
    {
        await using var session = Start(new RtpOptions { SymmetricLatching = true });

        _attacker.SendRtp(session.LocalEndPoint, 0, 1, 0, new byte[160]);
        var packets = await _attacker.ReceiveRtpAsync(2, cancellationToken);

        packets.Should().HaveCount(2);
        session.RemoteEndPoint.Should().Be(_attacker.RtpEndPoint);
    }

    private RtpSession Start(RtpOptions options)
    {
        var sockets = new RtpSocketPair(RtpSocketPair.Bind(IPAddress.Loopback, 0), RtpSocketPair.Bind(IPAddress.Loopback, 0));
        _rtcpEndPoint = sockets.RtcpEndPoint;
        var session = new RtpSession(sockets, _pacer, _poller, TimeProvider.System, NullLogger<RtpSession>.Instance, options);
        session.Configure(new RtpStreamConfig(_peer.RtpEndPoint, _peer.RtcpEndPoint, G711Codec.Pcmu, 0, 101, 20, Send: true, Receive: true));
        session.Start();
        return session;
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
    }
}
