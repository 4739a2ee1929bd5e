using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RcmlEngine.Hosting;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Security;

/// <summary>
/// Issue 12, item 5, on the real engine host: a document pointing <c>&lt;Play&gt;</c> and <c>&lt;Redirect&gt;</c>
/// at an internal server (here 127.0.0.2, standing for 169.254.169.254 or an admin port) with blocking on
/// reaches nothing; the application itself (127.0.0.1, allowed) still runs the call.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class DocumentSsrfTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Call_DocumentPointingAtInternalServer_NoRequestReachesIt(CancellationToken cancellationToken)
    {
        using var internalServer = new TcpListener(IPAddress.Parse("127.0.0.2"), 0);
        internalServer.Start();
        var connections = 0;
        _ = Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var accepted = await internalServer.AcceptTcpClientAsync(cancellationToken);
                Interlocked.Increment(ref connections);
            }
        }, cancellationToken);
        var secret = $"http://127.0.0.2:{((IPEndPoint)internalServer.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}";
        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", $"<Response><Play>{secret}/latest/meta-data.wav</Play><Redirect>{secret}/admin</Redirect></Response>");
        var settings = TestEngine.App("ivr", app.Url("/voice"));
        settings["Webhooks:BlockPrivateAddresses"] = "true";
        settings["Webhooks:AllowedAddresses:0"] = "127.0.0.1";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        await using var caller = SipTestStacks.Start();

        var call = caller.Dial(new SipDialOptions(SipUri.Create("ivr", "127.0.0.1", engine.SipPort)) { Body = Offer() }, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, engine.Log);
        await call.Completion.WaitAsync(cancellationToken);

        app.RequestsTo("/voice").Should().ContainSingle("the allowed application was asked for the call's document");
        connections.Should().Be(0, "neither the Play nor the Redirect may connect to an internal address: " + engine.Log);
        engine.Log.Should().Contain("BlockPrivateAddresses");
    }

    [Test]
    public void BlocksPrivateAddresses_Unset_OnUnlessSamplesModeOrLoopbackOnly()
    {
        static EngineOptions Engine(string listen, bool withApplication)
        {
            var options = new EngineOptions();
            options.Sip.ListenAddress = listen;
            options.Http.ListenAddress = listen;
            if (withApplication)
            {
                options.Applications.Add(new ApplicationOptions { User = "ivr", VoiceUrl = new Uri("https://app.example/voice") });
            }

            return options;
        }

        EngineSettings.BlocksPrivateAddresses(Engine("0.0.0.0", withApplication: true)).Should().BeTrue("an engine open to the network blocks by default");
        EngineSettings.BlocksPrivateAddresses(Engine("0.0.0.0", withApplication: false)).Should().BeFalse("samples mode fetches its samples from itself");
        EngineSettings.BlocksPrivateAddresses(Engine("127.0.0.1", withApplication: true)).Should().BeFalse("nobody else can call a loopback-only engine");
    }

    private static SipBody Offer() => SipBody.Sdp(Encoding.ASCII.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"));
}
