using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Webhooks.Fetching;

[TestFixture]
public sealed class DocumentFetcherTests
{
    private const string Token = "12345";
    private const string Document = "<Response><Say>Hello</Say></Response>";
    private static readonly string[] Xml = ["text/xml", "application/xml"];

    private static readonly KeyValuePair<string, string>[] CallParameters =
    [
        new("CallSid", "CA0123456789abcdef0123456789abcdef"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
        new("SipHeader_X-Note", "a b&c=d"),
    ];

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_Post_SendsSignedFormThatTheAppVerifies(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", Document).RequireSignature(Token);
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(Post(app.Url("/voice?app=1")), Xml, ct);

        result.Error.Should().BeNull();
        result.BodyText.Should().Be(Document);
        result.ContentType.Should().Be("text/xml");
        result.FinalUrl.Should().Be(app.Url("/voice?app=1"));
        var request = app.RequestsTo("/voice").Single();
        request.Method.Should().Be("POST");
        request.Header("Content-Type").Should().StartWith("application/x-www-form-urlencoded");
        request.FormPairs.Should().Equal(CallParameters);
        request.Query.Should().ContainKey("app").And.HaveCount(1);
        request.HasValidSignature(Token).Should().BeTrue();
        request.Header("User-Agent").Should().StartWith("RcmlEngine/");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_Get_SendsSignedQueryStringAndNoBody(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", Document).RequireSignature(Token);
        await using var services = WebhookServices.Create();

        var request = new WebhookRequest(app.Url("/voice?app=1"), WebhookMethod.Get, CallParameters, Token);
        var result = await services.Fetcher.FetchAsync(request, Xml, ct);

        result.Error.Should().BeNull();
        var received = app.RequestsTo("/voice").Single();
        received.Method.Should().Be("GET");
        received.Body.Should().BeEmpty();
        received.FormPairs.Should().BeEmpty();
        received.Query["app"].Should().Be("1");
        received.Query["SipHeader_X-Note"].Should().Be("a b&c=d");
        received.Query["From"].Should().Be("+14158675309");
        received.HasValidSignature(Token).Should().BeTrue();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_WrongToken_AppRejectsWith11200(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", Document).RequireSignature(Token);
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(Post(app.Url("/voice")) with { AuthToken = "other" }, Xml, ct);

        result.StatusCode.Should().Be(403);
        result.Error!.Code.Should().Be(WebhookErrorCode.HttpRetrievalFailure);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_ServerErrorWithBody_IsNotRetried(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", Document).Fail("/voice", times: 1, statusCode: 500, body: "Traceback: boom");
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(Post(app.Url("/voice")), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.HttpRetrievalFailure);
        result.StatusCode.Should().Be(500);
        result.BodyText.Should().Be("Traceback: boom");
        result.Attempts.Should().Be(1);
        app.RequestsTo("/voice").Should().HaveCount(1, "the application saw the request and answered");
    }

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    [CancelAfter(10_000)]
    public async Task FetchAsync_GatewayStatusWithEmptyBody_IsRetried(int status, CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", Document).Fail("/voice", times: 1, statusCode: status);
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(Post(app.Url("/voice")), Xml, ct);

        result.Error.Should().BeNull();
        result.Attempts.Should().Be(2);
        app.RequestsTo("/voice").Should().HaveCount(2);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_GatewayStatusWithBody_IsNotRetried(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", Document).Fail("/voice", times: 1, statusCode: 503, body: "maintenance");
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(Post(app.Url("/voice")), Xml, ct);

        result.StatusCode.Should().Be(503);
        app.RequestsTo("/voice").Should().HaveCount(1);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_ConnectionDroppedBeforeResponse_IsRetried(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", Document).Drop("/voice", times: 1);
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(Post(app.Url("/voice")), Xml, ct);

        result.Error.Should().BeNull();
        result.BodyText.Should().Be(Document);
        app.RequestsTo("/voice").Should().HaveCount(2);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_ConnectionRefused_IsRetriedThenFailsWith11205(CancellationToken ct)
    {
        await using var services = WebhookServices.Create(configure: o => o.Fetch.MaxRetries = 2);

        var result = await services.Fetcher.FetchAsync(Post(TestWebApp.UnusedLoopbackUrl("/voice")), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.HttpConnectionFailure);
        result.StatusCode.Should().BeNull();
        result.Attempts.Should().Be(3);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_InvalidUrl_FailsWith11100WithoutSending(CancellationToken ct)
    {
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(Post(new Uri("ftp://example.invalid/voice")), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.InvalidUrlFormat);
        result.Attempts.Should().Be(0);
    }

    internal static WebhookRequest Post(Uri url) => new(url, WebhookMethod.Post, CallParameters, Token);
}
