using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RcmlEngine.Cli.Commands;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Security;

/// <summary>
/// Issue 12, item 9: what the engine's own HTTP server answers without authentication: only the methods
/// each route needs, small bodies, nosniff, no HTML, the samples only when chosen, and a banner that says
/// where it is really bound.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class EngineHttpSurfaceTests
{
    private TempDirectory _samples = null!;

    [SetUp]
    public async Task SetUp()
    {
        _samples = new TempDirectory();
        await File.WriteAllTextAsync(_samples.File("hello.xml"), "<Response><Hangup/></Response>");
        await File.WriteAllTextAsync(_samples.File("page.html"), "<script>alert(1)</script>");
    }

    [TearDown]
    public void TearDown() => _samples.Dispose();

    [Test]
    [CancelAfter(30_000)]
    public async Task SampleRoute_MethodsOtherThanGetHeadPost_Get405WithAllow(CancellationToken cancellationToken)
    {
        await using var engine = await StartAsync(cancellationToken);
        using var http = new HttpClient();
        var url = new Uri(engine.HttpBaseUrl, "samples/hello.xml");

        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Trace, HttpMethod.Put })
        {
            using var refused = await http.SendAsync(new HttpRequestMessage(method, url), cancellationToken);
            refused.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, method.Method);
            refused.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD", "POST");
        }

        using var posted = await http.PostAsync(url, new FormUrlEncodedContent([new("CallSid", "CA1")]), cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.OK, "documents are fetched with POST too");
        posted.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), cancellationToken);
        head.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SampleRoute_PostDeclaring50MB_Gets413(CancellationToken cancellationToken)
    {
        await using var engine = await StartAsync(cancellationToken);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, engine.HttpBaseUrl.Port, cancellationToken);
        var stream = client.GetStream();
        var head = $"POST /samples/hello.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
            $"Content-Length: {(50 * 1024 * 1024).ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string('a', 1000)), cancellationToken);

        var buffer = new byte[1024];
        var read = await stream.ReadAsync(buffer, cancellationToken);

        Encoding.ASCII.GetString(buffer, 0, read).Should().StartWith("HTTP/1.1 413", "a body that large is refused before it is sent");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task SampleRoute_HtmlFile_ServedAsPlainText(CancellationToken cancellationToken)
    {
        await using var engine = await StartAsync(cancellationToken);
        using var http = new HttpClient();

        using var page = await http.GetAsync(new Uri(engine.HttpBaseUrl, "samples/page.html"), cancellationToken);

        page.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        page.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Samples_WithAnApplicationConfigured_NotServedUnlessChosen(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var settings = TestEngine.App("ivr", new Uri("http://127.0.0.1:9/voice"));
        settings["Samples:Folder"] = _samples.Path;
        await using (var engine = await TestEngine.StartAsync(settings, cancellationToken))
        {
            using var hidden = await http.GetAsync(new Uri(engine.HttpBaseUrl, "samples/hello.xml"), cancellationToken);
            hidden.StatusCode.Should().Be(HttpStatusCode.NotFound, "outside samples mode the samples are not served by default");
        }

        settings["Samples:Serve"] = "true";
        await using (var engine = await TestEngine.StartAsync(settings, cancellationToken))
        {
            using var shown = await http.GetAsync(new Uri(engine.HttpBaseUrl, "samples/hello.xml"), cancellationToken);
            shown.StatusCode.Should().Be(HttpStatusCode.OK, "Samples:Serve=true serves them");
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Banner_HttpBoundElsewhereThanItsPublicAddress_NamesTheBoundAddress(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Samples:Folder"] = _samples.Path,
            ["Http:ListenAddress"] = "127.0.0.2",
            ["PublicAddress"] = "127.0.0.3",
        };
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        var banner = ServeCommand.Banner(engine.Services);

        banner.Should().Contain($"HTTP on http://127.0.0.2:{engine.HttpBaseUrl.Port.ToString(CultureInfo.InvariantCulture)}");
    }

    private Task<TestEngine> StartAsync(CancellationToken cancellationToken) =>
        TestEngine.StartAsync(new Dictionary<string, string?> { ["Samples:Folder"] = _samples.Path }, cancellationToken);
}
