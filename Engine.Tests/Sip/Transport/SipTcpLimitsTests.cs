using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Transport;

/// <summary>Issue 12, item 4: one client cannot take every TCP connection, nor keep a silent one forever.</summary>
[TestFixture]
public sealed class SipTcpLimitsTests
{
    private static readonly IPAddress OtherSource = IPAddress.Parse("127.0.0.2");

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_ConnectionsFromOneSourceOverItsCap_RefusedWhileAnotherSourceIsTaken(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start(configure: o => o with { Transport = o.Transport with { MaxTcpConnectionsPerSource = 3 } });
        var target = stack.EndPoint(SipTransportKind.Tcp);
        var greedy = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                greedy.Add(await ConnectFromAsync(OtherSource, target, cancellationToken));
            }

            (await ReadToEndAsync(greedy[3].GetStream(), cancellationToken)).Should().Be(0, "the fourth connection from 127.0.0.2 is over its cap");
            using var other = await ConnectFromAsync(IPAddress.Loopback, target, cancellationToken);
            await other.GetStream().WriteAsync(Encoding.ASCII.GetBytes(TcpOptions()), cancellationToken);
            (await ReadTextAsync(other.GetStream(), cancellationToken)).Should().StartWith("SIP/2.0 200", "127.0.0.1 has its own allowance");
            Tcp(stack).ConnectionCount.Should().Be(4);
        }
        finally
        {
            greedy.ForEach(c => c.Dispose());
        }
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_InboundConnections_LeaveTheOutboundReserveFree(CancellationToken cancellationToken)
    {
        await using var stack = SipTestStacks.Start(configure: o => o with { Transport = o.Transport with { MaxTcpConnections = 4, TcpOutboundReserve = 2 } });
        var target = stack.EndPoint(SipTransportKind.Tcp);
        using var a = await ConnectFromAsync(IPAddress.Loopback, target, cancellationToken);
        using var b = await ConnectFromAsync(OtherSource, target, cancellationToken);
        await WaitForConnectionsAsync(stack, 2);
        using var c = await ConnectFromAsync(IPAddress.Parse("127.0.0.3"), target, cancellationToken);

        (await ReadToEndAsync(c.GetStream(), cancellationToken)).Should().Be(0, "the two remaining connections are kept for outbound ones");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_PeerSendingOnlyKeepAlives_ClosedAfterFirstMessageTimeout(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        await using var stack = SipTestStacks.Start(time);
        using var client = await ConnectFromAsync(IPAddress.Loopback, stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        await WaitForConnectionsAsync(stack, 1);
        var stream = client.GetStream();

        // A CRLF keep-alive every second would keep a connection alive for ever under the 5 min idle timeout alone.
        var seconds = 0;
        for (; seconds < 30 && Tcp(stack).ConnectionCount > 0; seconds++)
        {
            try
            {
                await stream.WriteAsync("\r\n\r\n"u8.ToArray(), cancellationToken);
            }
            catch (IOException)
            {
                break;
            }

            time.Advance(TimeSpan.FromSeconds(1));
            await WaitBrieflyForCloseAsync(stack);
        }

        Tcp(stack).ConnectionCount.Should().Be(0, "keep-alives alone do not prove a SIP peer");
        seconds.Should().BeLessThan(10, "closed about 5 s after connecting (Sip:TcpFirstMessageTimeout)");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Tcp_PeerThatSentAValidMessage_KeptPastTheFirstMessageTimeout(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        await using var stack = SipTestStacks.Start(time);
        using var client = await ConnectFromAsync(IPAddress.Loopback, stack.EndPoint(SipTransportKind.Tcp), cancellationToken);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(TcpOptions()), cancellationToken);
        (await ReadTextAsync(client.GetStream(), cancellationToken)).Should().StartWith("SIP/2.0 200");

        for (var second = 0; second < 20; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await WaitBrieflyForCloseAsync(stack);
        }

        Tcp(stack).ConnectionCount.Should().Be(1, "a peer that spoke SIP keeps the idle timeout (5 min)");
    }

    internal static async Task<TcpClient> ConnectFromAsync(IPAddress source, IPEndPoint target, CancellationToken cancellationToken)
    {
        var client = new TcpClient(new IPEndPoint(source, 0));
        try
        {
            await client.ConnectAsync(target, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static string TcpOptions() =>
        "OPTIONS sip:rcml@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bK-limits\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:peer@127.0.0.1>;tag=p1\r\nTo: <sip:rcml@127.0.0.1>\r\n" +
        $"Call-ID: {Guid.NewGuid():N}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    private static SipTcpTransport Tcp(SipStack stack) => (SipTcpTransport)stack.Transport.Transports.First(t => t.Kind == SipTransportKind.Tcp);

    private static async Task WaitForConnectionsAsync(SipStack stack, int count)
    {
        for (var i = 0; i < 200 && Tcp(stack).ConnectionCount < count; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        Tcp(stack).ConnectionCount.Should().Be(count);
    }

    // The receive loop reacts to the fake clock on its own thread: give it a moment to close.
    private static async Task WaitBrieflyForCloseAsync(SipStack stack)
    {
        for (var i = 0; i < 5 && Tcp(stack).ConnectionCount > 0; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }

    private static async Task<string> ReadTextAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static async Task<int> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }

            return 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
