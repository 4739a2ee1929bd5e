using System.Net;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Hosting;

/// <summary><c>GET /</c> tells a new user what is running and what to call.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class FrontPageTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Root_SamplesMode_ListsTheSampleUrisAndTheApi(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Samples:Folder"] = RepoPaths.Samples }, cancellationToken);
        using var http = new HttpClient();

        using var response = await http.GetAsync(engine.HttpBaseUrl, cancellationToken);
        var page = await response.Content.ReadAsStringAsync(cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Should().Contain($"sip:hello@127.0.0.1:{engine.SipPort}").And.Contain("/api-reference").And.Contain("Calls.json");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Root_ApplicationsConfigured_ListsTheirUsers(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(TestEngine.App("support", new Uri("http://127.0.0.1:9/voice")), cancellationToken);
        using var http = new HttpClient();

        var page = await http.GetStringAsync(engine.HttpBaseUrl, cancellationToken);

        page.Should().Contain("<code>support</code>").And.NotContain("sip:hello@");
    }
}
