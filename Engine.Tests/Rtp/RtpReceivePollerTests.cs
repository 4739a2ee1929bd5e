using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Rtp;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpReceivePollerTests
{
    [Test]
    public void Sweep_DatagramsWaiting_HandsEachOverOnce()
    {
        using var poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, runThreads: false);
        using var quiet = new Receiver();
        using var busy = new Receiver();
        using var sender = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        using (poller.Register(quiet))
        using (poller.Register(busy))
        {
            poller.Sweep().Should().Be(0);
            sender.SendTo([1, 2, 3], busy.EndPoint);
            sender.SendTo([4], busy.EndPoint);
            WaitUntilReadable(busy.Socket);

            poller.Sweep().Should().Be(2);
            poller.Sweep().Should().Be(0);
        }

        busy.Received.Should().BeEquivalentTo([new byte[] { 1, 2, 3 }, new byte[] { 4 }], o => o.WithStrictOrdering());
        busy.From.Should().Be(sender.LocalEndPoint);
        quiet.Received.Should().BeEmpty();
    }

    [Test]
    public void Register_Disposed_StopsReading()
    {
        using var poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, runThreads: false);
        using var receiver = new Receiver();
        using var sender = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        poller.Register(receiver).Dispose();

        sender.SendTo([9], receiver.EndPoint);
        WaitUntilReadable(receiver.Socket);

        poller.Sweep().Should().Be(0);
        poller.Count.Should().Be(0);
    }

    [Test]
    public void Sweep_ClosedSocketStillRegistered_DoesNotThrow()
    {
        using var poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, runThreads: false);
        var receiver = new Receiver();
        using var registration = poller.Register(receiver);
        receiver.Dispose();

        poller.Invoking(p => p.Sweep()).Should().NotThrow();
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Threads_DatagramArrives_HandedOverWithoutASweep(CancellationToken cancellationToken)
    {
        using var poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, new RtpOptions { MediaThreadNice = 0, ReceiveThreads = 2 });
        using var first = new Receiver();
        using var second = new Receiver();
        using var sender = RtpSocketPair.Bind(IPAddress.Loopback, 0);
        using var one = poller.Register(first);
        using var two = poller.Register(second);
        poller.Threads.Should().Be(2);

        sender.SendTo([1], first.EndPoint);
        sender.SendTo([2], second.EndPoint);
        while (first.Count == 0 || second.Count == 0)
        {
            await Task.Delay(5, cancellationToken);
        }

        first.Received.Single().Should().Equal(1);
        second.Received.Single().Should().Equal(2);
    }

    [Test]
    public void Register_ClosedSocket_ThrowsAndKeepsNothing()
    {
        using var poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, runThreads: false);
        var receiver = new Receiver();
        receiver.Dispose();

        poller.Invoking(p => p.Register(receiver)).Should().Throw<ObjectDisposedException>();
        poller.Count.Should().Be(0);
    }

    private static void WaitUntilReadable(Socket socket) => socket.Poll(TimeSpan.FromSeconds(2), SelectMode.SelectRead).Should().BeTrue();

    private sealed class Receiver : IPolledReceiver, IDisposable
    {
        private int _count;

        public Socket Socket { get; } = RtpSocketPair.Bind(IPAddress.Loopback, 0);

        public EndPoint EndPoint => Socket.LocalEndPoint!;

        public List<byte[]> Received { get; } = [];

        public int Count => Volatile.Read(ref _count);

        public EndPoint? From { get; private set; }

        public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
        {
            Received.Add(datagram.ToArray());
            Interlocked.Increment(ref _count);
            From = new IPEndPoint(IPAddress.Any, 0).Create(from);
        }

        public void Dispose() => Socket.Dispose();
    }
}
