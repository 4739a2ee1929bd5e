using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Webhooks.Fetching;

[TestFixture]
public sealed class DocumentFetcherLimitTests
{
    private static readonly string[] Xml = ["text/xml", "application/xml"];

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_AppSilentForDefaultTimeout_FailsWith11205(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", "<Response/>");
        var gate = app.Hold("/voice");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = WebhookServices.Create(time: clock);

        var fetch = services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), Xml, ct);
        await app.WaitForRequestAsync("/voice", ct);
        clock.Advance(TimeSpan.FromSeconds(14));
        fetch.IsCompleted.Should().BeFalse("15 s have not passed");
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await fetch;
        gate.Release();

        result.Error!.Code.Should().Be(WebhookErrorCode.HttpConnectionFailure);
        result.Error.Message.Should().Contain("15 s");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_CallerCancels_Throws(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        var gate = app.Hold("/voice");
        await using var services = WebhookServices.Create();
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var fetch = services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), Xml, hangUp.Token);
        await app.WaitForRequestAsync("/voice", ct);
        await hangUp.CancelAsync();

        await fetch.Invoking(f => f).Should().ThrowAsync<OperationCanceledException>();
        gate.Release();
    }

    [TestCase(false)]
    [TestCase(true)]
    [CancelAfter(10_000)]
    public async Task FetchAsync_BodyOverCap_FailsWith11750(bool chunked, CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        var big = "<Response>" + new string(' ', 70_000) + "</Response>";
        app.Map("/voice", TestResponse.Xml(big) with { Chunked = chunked });
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.ResponseBodyTooLarge);
        result.Body.Length.Should().Be(0);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_BodyAtCap_IsRead(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        var exact = "<Response>" + new string(' ', 1000 - 21) + "</Response>";
        app.Map("/voice", TestResponse.Xml(exact) with { Chunked = true });
        await using var services = WebhookServices.Create(configure: o => o.Fetch.MaxBodyBytes = 1000);

        var result = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), Xml, ct);

        result.Error.Should().BeNull();
        result.Body.Length.Should().Be(1000);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_UnacceptedContentType_FailsWith12300(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/voice", new TestResponse { ContentType = "text/html", Body = "<html>Welcome!</html>" });
        await using var services = WebhookServices.Create();

        var refused = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), Xml, ct);
        var anyType = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), null, ct);

        refused.Error!.Code.Should().Be(WebhookErrorCode.InvalidContentType);
        refused.Error.Message.Should().Contain("text/html");
        anyType.Error.Should().BeNull();
        anyType.BodyText.Should().Be("<html>Welcome!</html>");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_Redirect_ReportsFinalUrl(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/old", TestResponse.Redirect("/new/voice.xml", 303)).MapXml("/new/voice.xml", "<Response/>");
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/old")), Xml, ct);

        result.Error.Should().BeNull();
        result.FinalUrl.Should().Be(app.Url("/new/voice.xml"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_RedirectLoop_FailsWith11215(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/loop", TestResponse.Redirect("/loop", 307));
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/loop")), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.HttpTooManyRedirects);
        app.RequestsTo("/loop").Should().HaveCount(6, "the first request and 5 redirects");
    }
}
