using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Sip.Transport;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Security;

/// <summary>
/// Issue 12, item 4, on the real engine host with its default caps: 2,000 TCP connections from one
/// source (127.0.0.2) hold at most its per-source share, and a second source (127.0.0.1) still completes a call over TCP.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class TcpConnectionFloodTests
{
    private const int Flood = 2000;

    [Test]
    [CancelAfter(120_000)]
    public async Task Tcp_OneSourceOpens2000Connections_CappedWhileAnotherSourceCompletesACall(CancellationToken cancellationToken)
    {
        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", "<Response><Pause length=\"1\"/><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("ivr", app.Url("/voice")), cancellationToken);
        var stack = engine.Services.GetRequiredService<SipStack>();
        var tcp = (SipTcpTransport)stack.Transport.Transports.First(t => t.Kind == SipTransportKind.Tcp);
        var target = new IPEndPoint(IPAddress.Loopback, engine.SipTcpPort);
        var flood = new List<TcpClient>(Flood);
        try
        {
            var most = 0;
            for (var i = 0; i < Flood; i++)
            {
                using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(3));
                try
                {
                    flood.Add(await SipTcpLimitsTests.ConnectFromAsync(IPAddress.Parse("127.0.0.2"), target, connectTimeout.Token));
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // A full accept backlog may turn a connection away before the engine sees it: refused all the same.
                }

                most = Math.Max(most, tcp.ConnectionCount);
            }

            most.Should().BeLessThanOrEqualTo(64, "Sip:MaxTcpConnectionsPerSource (64) bounds one source");

            await using var caller = SipTestStacks.Start();
            var call = caller.Dial(new SipDialOptions(SipUri.Create("ivr", "127.0.0.1", engine.SipTcpPort)) { Body = Offer(), Transport = SipTransportKind.Tcp }, cancellationToken);
            (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, "127.0.0.1 still gets a connection: " + engine.Log);
            (await call.Completion.WaitAsync(cancellationToken)).Reason.Should().Be(SipCallEndReason.RemoteHangUp, "the call ran to its Hangup");
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }
    }

    private static SipBody Offer() => SipBody.Sdp(Encoding.ASCII.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40004 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"));
}
