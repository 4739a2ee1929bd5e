using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Receive;

namespace RcmlEngine.Tests.Rtp.Receive;

[TestFixture("epoll")]
[TestFixture("poll")]
public sealed class ReceiveBackendTests(string kind)
{
    private IReceiveBackend _backend = null!;
    private readonly ReceivedDatagrams _batch = new(4);

    [SetUp]
    public void SetUp()
    {
        if (kind == "epoll" && !LinuxSocketCalls.Available)
        {
            Assert.Ignore("epoll and recvmmsg exist on 64-bit Linux only");
        }

        _backend = kind == "epoll" ? new EpollReceiveBackend() : new PollReceiveBackend();
    }

    [TearDown]
    public void TearDown() => _backend?.Dispose();

    [Test]
    public void Wait_TwoSocketsOneReadable_ReturnsItsTokenAndReceiveReadsEveryDatagramWithItsSource()
    {
        using var quiet = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        using var busy = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        using var sender = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        _backend.Add(quiet, 7);
        _backend.Add(busy, 9);
        sender.SendTo([1, 2, 3], busy.LocalEndPoint!);
        sender.SendTo([4], busy.LocalEndPoint!);
        WaitUntilReadable(busy);

        var ready = new long[8];
        _backend.Wait(ready, 1000).Should().Be(1);
        ready[0].Should().Be(9);
        _backend.Receive(busy, _batch).Should().Be(2);

        _batch.Datagram(0).ToArray().Should().Equal(1, 2, 3);
        _batch.Datagram(1).ToArray().Should().Equal(4);
        new IPEndPoint(IPAddress.Any, 0).Create(_batch.From(1)).Should().Be(sender.LocalEndPoint);
        _backend.Wait(ready, 0).Should().Be(0, "everything was read");
    }

    [Test]
    public void Receive_DualModeSocketIPv4Sender_SourceEqualsTheSameAddressReadByDotNet()
    {
        using var receiver = RtpSocketPair.Bind(IPAddress.IPv6Any, 0);
        using var sender = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        var port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
        _backend.Add(receiver, 1);
        sender.SendTo([5], new IPEndPoint(IPAddress.Loopback, port));
        sender.SendTo([6], new IPEndPoint(IPAddress.Loopback, port));
        WaitUntilReadable(receiver);

        _backend.Receive(receiver, _batch).Should().Be(2);

        var expected = new IPEndPoint(IPAddress.Loopback.MapToIPv6(), ((IPEndPoint)sender.LocalEndPoint!).Port).Serialize();
        _batch.From(0).Should().Be(expected, "a latched source is compared with SocketAddress.Equals");
        new IPEndPoint(IPAddress.IPv6Any, 0).Create(_batch.From(0)).Should().Be(new IPEndPoint(IPAddress.Loopback.MapToIPv6(), ((IPEndPoint)sender.LocalEndPoint!).Port));
    }

    [Test]
    public void Receive_MoreDatagramsThanRoom_RestComeOnTheNextRead()
    {
        using var receiver = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        using var sender = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        _backend.Add(receiver, 1);
        for (byte i = 0; i < 6; i++)
        {
            sender.SendTo([i], receiver.LocalEndPoint!);
        }

        WaitUntilReadable(receiver);
        SpinWait.SpinUntil(() => receiver.Available >= 6 * 1, 1000);

        _backend.Receive(receiver, _batch).Should().Be(4);
        var ready = new long[2];
        _backend.Wait(ready, 1000).Should().Be(1, "the socket still holds datagrams");
        _backend.Receive(receiver, _batch).Should().Be(2);
        _batch.Datagram(1).ToArray().Should().Equal(5);
    }

    [Test]
    public void Remove_ThenDatagram_NotReported()
    {
        using var receiver = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        using var sender = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        _backend.Add(receiver, 1);
        _backend.Remove(receiver, 1);
        sender.SendTo([1], receiver.LocalEndPoint!);
        WaitUntilReadable(receiver);

        _backend.Wait(new long[2], 20).Should().Be(0);
    }

    [Test]
    public void Wake_DuringALongWait_EndsItSoon()
    {
        using var receiver = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        _backend.Add(receiver, 1);
        var clock = Stopwatch.StartNew();
        using var wake = new Timer(_ => _backend.Wake(), null, 50, Timeout.Infinite);

        _backend.Wait(new long[2], 5000).Should().Be(0);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
    }

    private static void WaitUntilReadable(Socket socket) => socket.Poll(TimeSpan.FromSeconds(2), SelectMode.SelectRead).Should().BeTrue();
}
