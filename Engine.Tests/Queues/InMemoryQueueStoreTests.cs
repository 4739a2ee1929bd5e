using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Queues;

namespace RcmlEngine.Tests.Queues;

[TestFixture]
public sealed class InMemoryQueueStoreTests
{
    private const string Account = "AC00000000000000000000000000000001";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void Open_SameName_SameQueueWithQuSid()
    {
        var store = new InMemoryQueueStore(_time);

        var first = store.Open(Account, "support");
        var again = store.Open(Account, "support");
        var other = store.Open("AC00000000000000000000000000000002", "support");

        first.Sid.Should().MatchRegex("^QU[0-9a-f]{32}$");
        again.Sid.Should().Be(first.Sid);
        other.Sid.Should().NotBe(first.Sid);
        first.MaxSize.Should().Be(QueueLimits.DefaultMaxSize);
    }

    [Test]
    public void Members_ThreeCallers_FirstInFirstOutWithPositionsAndWaitTimes()
    {
        var store = new InMemoryQueueStore(_time);
        var queue = store.Open(Account, "support");
        store.Join(queue.Sid, "CA1");
        _time.Advance(TimeSpan.FromSeconds(10));
        store.Join(queue.Sid, "CA2");
        _time.Advance(TimeSpan.FromSeconds(10));
        store.Join(queue.Sid, "CA3");

        var members = store.Members(queue.Sid);
        var info = store.Find(Account, queue.Sid)!;

        members.Select(m => (m.CallSid, m.Position, m.WaitTime.TotalSeconds)).Should().Equal(("CA1", 1, 20.0), ("CA2", 2, 10.0), ("CA3", 3, 0.0));
        info.CurrentSize.Should().Be(3);
        info.AverageWaitTime.Should().Be(TimeSpan.FromSeconds(10));
        store.TakeFront(queue.Sid)!.CallSid.Should().Be("CA1");
        store.FindMember(queue.Sid, "CA3")!.Position.Should().Be(2);
    }

    [Test]
    public void Join_QueueAtMaxSizeOrCallerLimit_Full()
    {
        var store = new InMemoryQueueStore(_time);
        var queue = store.Open(Account, "small", maxSize: 2);
        store.Join(queue.Sid, "CA1").Member.Should().NotBeNull();

        store.Join(queue.Sid, "CA2", maxSize: 1).Full.Should().BeTrue();
        store.Join(queue.Sid, "CA2").Member.Should().NotBeNull();
        store.Join(queue.Sid, "CA3").Full.Should().BeTrue();
    }

    [Test]
    public async Task TakeNextAsync_EmptyQueue_GetsTheNextCallerOnceInAgentOrder()
    {
        var store = new InMemoryQueueStore(_time);
        var queue = store.Open(Account, "support");
        var agent1 = store.TakeNextAsync(queue.Sid, CancellationToken.None);
        var agent2 = store.TakeNextAsync(queue.Sid, CancellationToken.None);
        agent1.IsCompleted.Should().BeFalse();

        store.Join(queue.Sid, "CA1");
        store.Join(queue.Sid, "CA2");
        store.Join(queue.Sid, "CA3");

        (await agent1).CallSid.Should().Be("CA1");
        (await agent2).CallSid.Should().Be("CA2");
        store.Members(queue.Sid).Select(m => m.CallSid).Should().Equal("CA3");
    }

    [Test]
    public async Task TakeNextAsync_Cancelled_DoesNotSwallowTheNextCaller()
    {
        var store = new InMemoryQueueStore(_time);
        var queue = store.Open(Account, "support");
        using var cancel = new CancellationTokenSource();
        var gone = store.TakeNextAsync(queue.Sid, cancel.Token);

        await cancel.CancelAsync();
        store.Join(queue.Sid, "CA1");

        await FluentActions.Awaiting(() => gone).Should().ThrowAsync<OperationCanceledException>();
        store.Members(queue.Sid).Select(m => m.CallSid).Should().Equal("CA1");
    }

    [Test]
    public async Task TakeFront_ManyAgentsAtOnce_EveryCallerTakenExactlyOnce()
    {
        var store = new InMemoryQueueStore(_time);
        var queue = store.Open(Account, "busy");
        for (var i = 0; i < 500; i++)
        {
            store.Join(queue.Sid, $"CA{i}");
        }

        var takers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var taken = new List<string>();
            while (store.TakeFront(queue.Sid) is { } member)
            {
                taken.Add(member.CallSid);
            }

            return taken;
        }));
        var all = (await Task.WhenAll(takers)).SelectMany(t => t).ToList();

        all.Should().HaveCount(500).And.OnlyHaveUniqueItems();
    }

    [Test]
    public void Take_GivenCaller_RemovesOnlyThatOne()
    {
        var store = new InMemoryQueueStore(_time);
        var queue = store.Open(Account, "support");
        store.Join(queue.Sid, "CA1");
        store.Join(queue.Sid, "CA2");

        store.Take(queue.Sid, "CA2")!.Position.Should().Be(2);
        store.Take(queue.Sid, "CA2").Should().BeNull();
        store.Members(queue.Sid).Select(m => m.CallSid).Should().Equal("CA1");
    }

    [Test]
    public void CreateUpdateDelete_ApiLifecycle()
    {
        var store = new InMemoryQueueStore(_time);
        var created = store.Create(Account, "sales", 50)!;

        store.Create(Account, "sales", 10).Should().BeNull();
        store.Update(Account, created.Sid, "sales-2", 4000)!.Should().Match<QueueInfo>(q => q.FriendlyName == "sales-2" && q.MaxSize == 4000);
        store.List(Account).Select(q => q.FriendlyName).Should().Equal("sales-2");
        store.Find("AC00000000000000000000000000000009", created.Sid).Should().BeNull();
        store.Delete(Account, created.Sid).Should().BeTrue();
        store.Find(Account, created.Sid).Should().BeNull();
    }
}
