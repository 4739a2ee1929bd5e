using System.Net;
using RcmlEngine.Tests.Support;
using RcmlEngine.Tests.Webhooks.Fetching;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Tests.Webhooks.Http;

/// <summary>Issue 12, item 5: the engine's HTTP clients cannot be pointed at internal addresses, nor redirected off a POST's host.</summary>
[TestFixture]
public sealed class OutboundAddressPolicyTests
{
    private static readonly string[] Xml = ["text/xml", "application/xml"];

    [TestCase("127.0.0.1")]
    [TestCase("127.8.9.10")]
    [TestCase("10.1.2.3")]
    [TestCase("172.31.255.1")]
    [TestCase("192.168.1.1")]
    [TestCase("169.254.169.254")]
    [TestCase("100.64.0.1")]
    [TestCase("0.0.0.0")]
    [TestCase("::1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase("::ffff:169.254.169.254")]
    [TestCase("fe80::1")]
    [TestCase("fd00::1")]
    public void IsBlocked_NonPublicAddress_True(string address) =>
        new OutboundAddressPolicy(true, []).IsBlocked(IPAddress.Parse(address)).Should().BeTrue();

    [TestCase("8.8.8.8")]
    [TestCase("203.0.113.7")]
    [TestCase("2001:4860:4860::8888")]
    public void IsBlocked_PublicAddress_False(string address) =>
        new OutboundAddressPolicy(true, []).IsBlocked(IPAddress.Parse(address)).Should().BeFalse();

    [Test]
    public void IsBlocked_AllowedRangeOrBlockingOff_False()
    {
        new OutboundAddressPolicy(true, [IPNetwork.Parse("10.0.0.0/24")]).IsBlocked(IPAddress.Parse("10.0.0.5")).Should().BeFalse();
        new OutboundAddressPolicy(false, []).IsBlocked(IPAddress.Parse("169.254.169.254")).Should().BeFalse();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_BlockingOnLoopbackServer_RefusedWithoutAnyRequestOrRetry(CancellationToken ct)
    {
        await using var internalServer = await TestWebApp.StartAsync(ct);
        internalServer.MapXml("/secret", "<Response/>");
        await using var services = WebhookServices.Create(configure: o => o.BlockPrivateAddresses = true);

        var result = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(internalServer.Url("/secret")), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.HttpConnectionFailure);
        result.Error.Message.Should().Contain("BlockPrivateAddresses");
        result.Attempts.Should().Be(1, "a refused address is not retried");
        internalServer.Requests.Should().BeEmpty("nothing may reach an internal address");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_BlockingOnButAddressAllowed_Fetched(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", "<Response/>");
        await using var services = WebhookServices.Create(configure: o =>
        {
            o.BlockPrivateAddresses = true;
            o.AllowedAddresses = ["127.0.0.1"];
        });

        var result = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), Xml, ct);

        result.Error.Should().BeNull();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_PostRedirectedToAnotherHost_NotFollowed(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        await using var elsewhere = await TestWebApp.StartAsync(ct);
        elsewhere.MapXml("/steal", "<Response/>");
        app.Map("/voice", TestResponse.Redirect(elsewhere.Url("/steal").ToString(), 307));
        await using var services = WebhookServices.Create();

        var result = await services.Fetcher.FetchAsync(DocumentFetcherTests.Post(app.Url("/voice")), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.HttpTooManyRedirects);
        elsewhere.Requests.Should().BeEmpty("a 307 must not re-POST the call's parameters to another host");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_GetRedirectedToAnotherHost_Followed(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        await using var elsewhere = await TestWebApp.StartAsync(ct);
        elsewhere.MapXml("/moved", "<Response/>");
        app.Map("/voice", TestResponse.Redirect(elsewhere.Url("/moved").ToString(), 302));
        await using var services = WebhookServices.Create();

        var request = new WebhookRequest(app.Url("/voice"), WebhookMethod.Get, [], null);
        var result = await services.Fetcher.FetchAsync(request, Xml, ct);

        result.Error.Should().BeNull();
        result.FinalUrl.Should().Be(elsewhere.Url("/moved"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_HostNameResolvingToLoopback_Refused(CancellationToken ct)
    {
        await using var internalServer = await TestWebApp.StartAsync(ct);
        internalServer.MapXml("/secret", "<Response/>");
        var publicLooking = new Uri($"http://localhost:{internalServer.BaseUrl.Port}/secret");
        await using var services = WebhookServices.Create(configure: o => o.BlockPrivateAddresses = true);

        // A host name is checked on the addresses it resolves to, not on its spelling.
        var result = await services.Fetcher.FetchAsync(new WebhookRequest(publicLooking, WebhookMethod.Get, [], null), Xml, ct);

        result.Error!.Code.Should().Be(WebhookErrorCode.HttpConnectionFailure);
        internalServer.Requests.Should().BeEmpty();
    }
}
