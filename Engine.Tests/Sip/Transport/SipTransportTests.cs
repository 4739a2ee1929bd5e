using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Transport;

/// <summary>Transport behaviour a peer sees: response routing, rport, TCP framing and limits.</summary>
[TestFixture]
public sealed class SipTransportTests
{
    private static string Options(int viaPort, string viaExtra, string branch = "z9hG4bK-t1") =>
        $"OPTIONS sip:rcml@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{viaPort}{viaExtra};branch={branch}\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:peer@127.0.0.1>;tag=p1\r\nTo: <sip:rcml@127.0.0.1>\r\n" +
        $"Call-ID: {Guid.NewGuid():N}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    [Test]
    [CancelAfter(10000)]
    public async Task Response_ViaWithRport_GoesToTheSourcePortWithReceivedAndRport(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start();
        using var peer = new UdpPeer();

        // The Via names a port nobody listens on, as a peer behind NAT would (RFC 3581).
        await peer.SendAsync(Options(9, ";rport"), stack.EndPoint(SipTransportKind.Udp));
        var response = (SipResponse)await peer.ExpectAsync();
        response.StatusCode.Should().Be(200);
        response.TopVia!.Received.Should().Be("127.0.0.1");
        response.TopVia.RPort.Should().Be(peer.EndPoint.Port);
        response.Headers[SipHeaderNames.Allow].Should().Contain("INVITE");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Response_ViaWithoutRport_GoesToTheViaPort(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start();
        using var sender = new UdpPeer();
        using var viaTarget = new UdpPeer();
        await sender.SendAsync(Options(viaTarget.EndPoint.Port, string.Empty), stack.EndPoint(SipTransportKind.Udp));
        ((SipResponse)await viaTarget.ExpectAsync()).StatusCode.Should().Be(200, "RFC 3261 18.2.2 sends to the sent-by port");
        (await sender.ReceiveAsync(TimeSpan.FromMilliseconds(200))).Should().BeNull();
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Request_LargerThanUdpThreshold_GoesOverTcp(CancellationToken cancellationToken)
    {
        await using var caller = SipTestStacks.Start();
        await using var callee = SipTestStacks.StartOnSharedPort();
        var source = new TaskCompletionSource<SipTransportKind>();
        callee.IncomingCallHandler = (call, ct) =>
        {
            source.TrySetResult(call.Source.Transport);
            return call.RejectAsync(486, cancellationToken: ct);
        };

        var bigOffer = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\n" + string.Concat(Enumerable.Repeat("a=x-padding:0123456789abcdef0123456789abcdef\r\n", 40))));
        var target = SipUri.Create("alice", "127.0.0.1", callee.EndPoint(SipTransportKind.Udp).Port);
        var call = caller.Dial(new SipDialOptions(target) { Body = bigOffer }, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(486);
        (await source.Task.WaitAsync(cancellationToken)).Should().Be(SipTransportKind.Tcp, "RFC 3261 18.1.1: over 1300 bytes goes over TCP");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_TwoMessagesInOneWriteAndOneSplit_AllAnswered(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        var stream = client.GetStream();
        var one = Options(1, string.Empty, "z9hG4bK-a").Replace("UDP", "TCP", StringComparison.Ordinal);
        var two = Options(1, string.Empty, "z9hG4bK-b").Replace("UDP", "TCP", StringComparison.Ordinal);
        var three = Options(1, string.Empty, "z9hG4bK-c").Replace("UDP", "TCP", StringComparison.Ordinal);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("\r\n\r\n" + one + two), cancellationToken);
        foreach (var chunk in three.Chunk(7))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        var text = await ReadResponsesAsync(stream, 3, cancellationToken);
        text.Should().Contain("z9hG4bK-a").And.Contain("z9hG4bK-b").And.Contain("z9hG4bK-c");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_IdlePeer_ClosedAfterIdleTimeout(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        await using var stack = SipTestStacks.Start(time);
        using var client = new TcpClient();
        await client.ConnectAsync(stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        await WaitForConnectionsAsync(stack, 1);

        // One valid message first: a connection that never sent one is closed sooner (SipTcpLimitsTests).
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Options(1, string.Empty).Replace("UDP", "TCP", StringComparison.Ordinal)), cancellationToken);
        await ReadResponsesAsync(client.GetStream(), 1, cancellationToken);

        // The connection is counted before its idle timer starts: time moves on until the timer has seen it.
        var read = ReadToEndAsync(client.GetStream(), cancellationToken);
        while (!read.IsCompleted)
        {
            time.Advance(TimeSpan.FromMinutes(6));
            await Task.WhenAny(read, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken));
        }

        (await read).Should().Be(0, "the engine closed the idle connection");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_PeerThatNeverFinishesAMessage_CutOff(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();

        // The first-message timeout is put out of the way: this is about the message timeout.
        await using var stack = SipTestStacks.Start(time, o => o with { Transport = o.Transport with { TcpFirstMessageTimeout = TimeSpan.FromHours(1) } });
        using var client = new TcpClient();
        await client.ConnectAsync(stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("OPTIONS sip:rcml@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKslow\r\n"u8.ToArray(), cancellationToken);
        await WaitForConnectionsAsync(stack, 1);

        // A trickle keeps bytes coming but never completes the message; the idle timeout (5 min) never
        // applies, so only the message timeout (10 s from the first byte) can close it.
        var closed = false;
        for (var second = 0; second < 25 && !closed; second++)
        {
            try
            {
                await stream.WriteAsync("X-Slow: a\r\n"u8.ToArray(), cancellationToken);
            }
            catch (IOException)
            {
                closed = true;
                break;
            }

            time.Advance(TimeSpan.FromSeconds(1));
            closed = await IsClosedAsync(stream);
        }

        closed.Should().BeTrue("an unfinished message cuts the peer off after the message timeout");
        time.GetUtcNow().Should().BeBefore(new FakeTimeProvider().GetUtcNow() + TimeSpan.FromSeconds(25));
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_MessageOverSizeCap_PeerCutOff(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        var stream = client.GetStream();
        var header = Encoding.ASCII.GetBytes("OPTIONS sip:rcml@127.0.0.1 SIP/2.0\r\nX-Big: " + new string('a', 70 * 1024));
        try
        {
            await stream.WriteAsync(header, cancellationToken);
        }
        catch (IOException)
        {
            // The engine may close while we still write.
        }

        (await ReadToEndAsync(stream, cancellationToken)).Should().Be(0);
        stack.Transport.RejectedCount.Should().BeGreaterThan(0);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_ConnectionsOverCap_Refused(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start(configure: o => o with { Transport = o.Transport with { MaxTcpConnections = 2, TcpOutboundReserve = 0 } });
        using var a = new TcpClient();
        using var b = new TcpClient();
        using var c = new TcpClient();
        await a.ConnectAsync(stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        await b.ConnectAsync(stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        await WaitForConnectionsAsync(stack, 2);
        await c.ConnectAsync(stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        (await ReadToEndAsync(c.GetStream(), cancellationToken)).Should().Be(0, "the third connection is over the cap");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Udp_DatagramOverSizeCap_DroppedAndCounted(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start(configure: o => o with { Transport = o.Transport with { MaxMessageSize = 2048 } });
        using var peer = new UdpPeer();
        var big = Options(peer.EndPoint.Port, ";rport").Replace("Content-Length: 0", "X-Pad: " + new string('p', 3000) + "\r\nContent-Length: 0", StringComparison.Ordinal);
        await peer.SendAsync(big, stack.EndPoint(SipTransportKind.Udp));
        (await peer.ReceiveAsync(TimeSpan.FromMilliseconds(300))).Should().BeNull();
        stack.Transport.RejectedCount.Should().Be(1);
    }

    private static async Task WaitForConnectionsAsync(SipStack stack, int count)
    {
        var tcp = (SipTcpTransport)stack.Transport.Transports.First(t => t.Kind == SipTransportKind.Tcp);
        for (var i = 0; i < 200 && tcp.ConnectionCount < count; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        tcp.ConnectionCount.Should().Be(count);
    }

    private static async Task<bool> IsClosedAsync(NetworkStream stream)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        try
        {
            return await stream.ReadAsync(new byte[256], wait.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static async Task<int> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return 0;
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<string> ReadResponsesAsync(NetworkStream stream, int count, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new byte[8192];
        while (CountOf(text.ToString(), "SIP/2.0 200") < count)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            read.Should().BePositive();
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;
}
