using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Queues;
using RcmlEngine.Tests.Support;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Queue;

namespace RcmlEngine.Tests.Api;

/// <summary>
/// The Queues and Members resources on a running engine, with Twilio's C# helper library: queues created,
/// read, renamed and deleted; members joined through the engine's own <see cref="IQueueStore"/> (without
/// calls) listed front first and dequeued. What a dequeued call then does is the integration tests' business.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QueueApiTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "queue-test-token";
    private ApiTestEngine _api = null!;
    private TwilioRestClient _client = null!;
    private IQueueStore _store = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiTestEngine.StartAsync(AccountSid, AuthToken);
        _client = _api.Client;
        _store = _api.Engine.Services.GetRequiredService<IQueueStore>();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Queues_CreateFetchUpdateListDelete_TwilioShapes(CancellationToken cancellationToken)
    {
        var name = "sales-" + Guid.NewGuid().ToString("N")[..8];

        var created = await QueueResource.CreateAsync(friendlyName: name, maxSize: 4000, client: _client);
        var fetched = await QueueResource.FetchAsync(created.Sid, client: _client);
        var renamed = await QueueResource.UpdateAsync(created.Sid, friendlyName: name + "-2", maxSize: 20, client: _client);
        var listed = await QueueResource.ReadAsync(client: _client);

        created.Sid.Should().MatchRegex("^QU[0-9a-f]{32}$");
        created.MaxSize.Should().Be(4000);
        created.CurrentSize.Should().Be(0);
        created.DateCreated.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        fetched.FriendlyName.Should().Be(name);
        fetched.Uri.Should().Be($"/2010-04-01/Accounts/{AccountSid}/Queues/{created.Sid}.json");
        renamed.FriendlyName.Should().Be(name + "-2");
        renamed.MaxSize.Should().Be(20);
        listed.Select(q => q.Sid).Should().Contain(created.Sid);
        (await QueueResource.DeleteAsync(created.Sid, client: _client)).Should().BeTrue();
        using var gone = await _api.SendAsync(HttpMethod.Get, $"/Queues/{created.Sid}.json", null, cancellationToken);
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Queues_MaxSizeOver5000Lowered_ZeroOrNoNameRefused(CancellationToken cancellationToken)
    {
        var big = await QueueResource.CreateAsync(friendlyName: "big-" + Guid.NewGuid().ToString("N")[..8], maxSize: 9000, client: _client);
        using var zero = await _api.SendAsync(HttpMethod.Post, "/Queues.json", "FriendlyName=zero&MaxSize=0", cancellationToken);
        using var nameless = await _api.SendAsync(HttpMethod.Post, "/Queues.json", "MaxSize=10", cancellationToken);

        big.MaxSize.Should().Be(5000, "Twilio lowers what is over its limit");
        zero.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiTestEngine.ErrorOf(zero, cancellationToken)).GetProperty("code").GetInt32().Should().Be(20001);
        nameless.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Members_ListedFrontFirst_FrontDequeuedToAUrl(CancellationToken cancellationToken)
    {
        var queue = _store.Open(AccountSid, "members-" + Guid.NewGuid().ToString("N")[..8]);
        _store.Join(queue.Sid, "CA00000000000000000000000000000001");
        _store.Join(queue.Sid, "CA00000000000000000000000000000002");

        var members = await MemberResource.ReadAsync(queue.Sid, client: _client);
        var second = await MemberResource.FetchAsync(queue.Sid, "CA00000000000000000000000000000002", client: _client);
        var fetchedQueue = await QueueResource.FetchAsync(queue.Sid, client: _client);
        var dequeued = await MemberResource.UpdateAsync(queue.Sid, "Front", url: new Uri("http://127.0.0.1:9/next"), method: Twilio.Http.HttpMethod.Post, client: _client);

        members.Select(m => (m.CallSid, m.Position)).Should().Equal(("CA00000000000000000000000000000001", 1), ("CA00000000000000000000000000000002", 2));
        members.First().QueueSid.Should().Be(queue.Sid);
        second.Position.Should().Be(2);
        second.Uri.Should().Be($"/2010-04-01/Accounts/{AccountSid}/Queues/{queue.Sid}/Members/CA00000000000000000000000000000002.json");
        fetchedQueue.CurrentSize.Should().Be(2);
        dequeued.CallSid.Should().Be("CA00000000000000000000000000000001");
        _store.Members(queue.Sid).Select(m => m.CallSid).Should().Equal("CA00000000000000000000000000000002");
        using var missing = await _api.SendAsync(HttpMethod.Post, $"/Queues/{queue.Sid}/Members/CA00000000000000000000000000000001.json", "Url=http%3A%2F%2F127.0.0.1%2Fx", cancellationToken);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound, "that caller left the queue already");
        using var noUrl = await _api.SendAsync(HttpMethod.Post, $"/Queues/{queue.Sid}/Members/Front.json", "Method=GET", cancellationToken);
        noUrl.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Delete_QueueWithCallers_Refused(CancellationToken cancellationToken)
    {
        var queue = _store.Open(AccountSid, "busy-" + Guid.NewGuid().ToString("N")[..8]);
        _store.Join(queue.Sid, "CA00000000000000000000000000000003");

        using var response = await _api.SendAsync(HttpMethod.Delete, $"/Queues/{queue.Sid}.json", null, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        _store.Find(AccountSid, queue.Sid).Should().NotBeNull();
    }
}
