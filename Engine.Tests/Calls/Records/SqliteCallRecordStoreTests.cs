using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Calls.Records;

[TestFixture]
public sealed class SqliteCallRecordStoreTests
{
    private const string Account = "AC11111111111111111111111111111111";
    private const string OtherAccount = "AC22222222222222222222222222222222";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private TempDirectory _folder = null!;
    private SqliteRecordsDatabase _database = null!;
    private SqliteCallRecordStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        (_database, _store) = Open();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    public async Task SaveAsync_NewRecord_FindReturnsEveryField()
    {
        var record = Ended(T0, "CA" + new string('a', 32)) with { ParentCallSid = "CA" + new string('b', 32), ForwardedFrom = "+15550009" };

        await _store.SaveAsync(record, CancellationToken.None);

        (await _store.FindAsync(Account, record.Sid, CancellationToken.None)).Should().Be(record);
    }

    [Test]
    public async Task SaveAsync_SameSid_ReplacesTheRecord()
    {
        var live = Live(T0);
        await _store.SaveAsync(live, CancellationToken.None);
        var ended = live with { Status = CallStatus.Completed, EndTime = T0.AddSeconds(30), AnswerTime = T0.AddSeconds(2), Duration = 28, DateUpdated = T0.AddSeconds(30) };

        await _store.SaveAsync(ended, CancellationToken.None);

        (await _store.FindAsync(Account, live.Sid, CancellationToken.None)).Should().Be(ended);
        (await Query(new CallRecordQuery { AccountSid = Account })).Items.Should().ContainSingle();
    }

    [Test]
    public async Task FindAsync_AnotherAccountsCall_IsNull()
    {
        var record = Ended(T0);
        await _store.SaveAsync(record, CancellationToken.None);

        (await _store.FindAsync(OtherAccount, record.Sid, CancellationToken.None)).Should().BeNull();
        (await _store.FindAsync(Account, TwilioSid.NewCallSid(), CancellationToken.None)).Should().BeNull();
    }

    [Test]
    public async Task QueryAsync_AnotherAccountsCalls_AreNotListed()
    {
        var mine = Ended(T0);
        await _store.SaveAsync(mine, CancellationToken.None);
        await _store.SaveAsync(Ended(T0.AddMinutes(1)) with { AccountSid = OtherAccount }, CancellationToken.None);

        var page = await Query(new CallRecordQuery { AccountSid = Account });

        page.Items.Should().Equal(mine);
    }

    [Test]
    public async Task QueryAsync_ToAndFrom_MatchExactly()
    {
        var toBob = Ended(T0) with { To = "+15550100" };
        var fromBob = Ended(T0.AddMinutes(1)) with { From = "+15550100" };
        await SaveAllAsync(toBob, fromBob, Ended(T0.AddMinutes(2)));

        (await Query(new CallRecordQuery { AccountSid = Account, To = "+15550100" })).Items.Should().Equal(toBob);
        (await Query(new CallRecordQuery { AccountSid = Account, From = "+15550100" })).Items.Should().Equal(fromBob);
        (await Query(new CallRecordQuery { AccountSid = Account, To = "+1555010" })).Items.Should().BeEmpty("the match is exact");
    }

    [Test]
    public async Task QueryAsync_ParentCallSid_ListsTheLegsOfThatCall()
    {
        var parent = Ended(T0);
        var leg = Ended(T0.AddSeconds(5)) with { Direction = CallDirection.OutboundDial, ParentCallSid = parent.Sid };
        await SaveAllAsync(parent, leg, Ended(T0.AddSeconds(6)) with { ParentCallSid = TwilioSid.NewCallSid() });

        (await Query(new CallRecordQuery { AccountSid = Account, ParentCallSid = parent.Sid })).Items.Should().Equal(leg);
    }

    [Test]
    public async Task QueryAsync_Status_ListsOnlyCallsInThatStatus()
    {
        var live = Live(T0);
        var busy = Ended(T0.AddMinutes(1)) with { Status = CallStatus.Busy, Duration = 0, AnswerTime = null };
        await SaveAllAsync(live, busy, Ended(T0.AddMinutes(2)));

        (await Query(new CallRecordQuery { AccountSid = Account, Status = CallStatus.InProgress })).Items.Should().Equal(live);
        (await Query(new CallRecordQuery { AccountSid = Account, Status = CallStatus.Busy })).Items.Should().Equal(busy);
    }

    [Test]
    public async Task QueryAsync_StartTimeRange_IncludesItsStartExcludesItsEnd()
    {
        var day = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        var before = Ended(day.AddMilliseconds(-1));
        var first = Ended(day);
        var last = Ended(day.AddDays(1).AddMilliseconds(-1));
        var after = Ended(day.AddDays(1));
        await SaveAllAsync(before, first, last, after);

        var onTheDay = await Query(new CallRecordQuery { AccountSid = Account, StartTimeFrom = day, StartTimeTo = day.AddDays(1) });
        var fromTheDay = await Query(new CallRecordQuery { AccountSid = Account, StartTimeFrom = day });
        var untilTheDay = await Query(new CallRecordQuery { AccountSid = Account, StartTimeTo = day.AddDays(1) });

        onTheDay.Items.Should().Equal(last, first);
        fromTheDay.Items.Should().Equal(after, last, first);
        untilTheDay.Items.Should().Equal(last, first, before);
    }

    [Test]
    public async Task QueryAsync_EndTimeRange_MatchesEndedCallsOnly()
    {
        var live = Live(T0);
        var endsEarly = Ended(T0.AddMinutes(1)) with { EndTime = T0.AddMinutes(2) };
        var endsLate = Ended(T0.AddMinutes(3)) with { EndTime = T0.AddMinutes(10) };
        await SaveAllAsync(live, endsEarly, endsLate);

        (await Query(new CallRecordQuery { AccountSid = Account, EndTimeFrom = T0 })).Items.Should().Equal(endsLate, endsEarly);
        (await Query(new CallRecordQuery { AccountSid = Account, EndTimeTo = T0.AddMinutes(10) })).Items.Should().Equal(endsEarly);
        (await Query(new CallRecordQuery { AccountSid = Account, EndTimeFrom = T0.AddMinutes(2), EndTimeTo = T0.AddMinutes(11) }))
            .Items.Should().Equal(endsLate, endsEarly);
    }

    [Test]
    public async Task QueryAsync_FiveCallsPagesOfTwo_TokensWalkThreePagesForwardAndBack()
    {
        var calls = Enumerable.Range(0, 5).Select(i => Ended(T0.AddMinutes(i))).ToArray();
        await SaveAllAsync(calls);

        var first = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2 });
        var second = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 1, PageToken = first.NextPageToken });
        var third = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 2, PageToken = second.NextPageToken });
        var back = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 1, PageToken = third.PreviousPageToken });

        first.Items.Should().Equal(calls[4], calls[3]);
        first.PreviousPageToken.Should().BeNull("it is the first page");
        first.NextPageToken.Should().StartWith("PA");
        second.Items.Should().Equal(calls[2], calls[1]);
        second.Page.Should().Be(1);
        second.PreviousPageToken.Should().StartWith("PB");
        third.Items.Should().Equal(calls[0]);
        third.NextPageToken.Should().BeNull("it is the last page");
        back.Items.Should().Equal(second.Items);
        back.NextPageToken.Should().Be(second.NextPageToken);
        (await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, PageToken = second.PreviousPageToken }))
            .Items.Should().Equal(first.Items);
    }

    [Test]
    public async Task QueryAsync_NewCallsArriveBetweenPages_TokenStillLeadsToTheSamePage()
    {
        var calls = Enumerable.Range(0, 6).Select(i => Ended(T0.AddMinutes(i))).ToArray();
        await SaveAllAsync(calls);
        var first = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2 });
        var before = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 1, PageToken = first.NextPageToken });

        await SaveAllAsync(Ended(T0.AddMinutes(10)), Ended(T0.AddMinutes(11)), Ended(T0.AddMinutes(12)));
        var after = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 1, PageToken = first.NextPageToken });

        after.Items.Should().Equal(before.Items);
        after.NextPageToken.Should().Be(before.NextPageToken);
        after.PreviousPageToken.Should().Be(before.PreviousPageToken);
        (await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 2, PageToken = after.NextPageToken }))
            .Items.Should().Equal(calls[1], calls[0]);
    }

    [Test]
    public async Task QueryAsync_SameCreationTime_OrderedBySidDescendingAcrossPages()
    {
        var calls = new[] { 'a', 'b', 'c' }.Select(c => Ended(T0, "CA" + new string(c, 32))).ToArray();
        await SaveAllAsync(calls);

        var first = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2 });
        var second = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 1, PageToken = first.NextPageToken });

        first.Items.Should().Equal(calls[2], calls[1]);
        second.Items.Should().Equal(calls[0]);
    }

    [Test]
    public async Task QueryAsync_PageWithoutToken_CountsPagesFromTheNewest()
    {
        var calls = Enumerable.Range(0, 5).Select(i => Ended(T0.AddMinutes(i))).ToArray();
        await SaveAllAsync(calls);

        var page = await Query(new CallRecordQuery { AccountSid = Account, PageSize = 2, Page = 1 });

        page.Items.Should().Equal(calls[2], calls[1]);
        page.PreviousPageToken.Should().NotBeNull();
        page.NextPageToken.Should().NotBeNull();
    }

    [TestCase(0)]
    [TestCase(1001)]
    public async Task QueryAsync_PageSizeOutOfRange_Throws(int pageSize)
    {
        var query = () => _store.QueryAsync(new CallRecordQuery { AccountSid = Account, PageSize = pageSize }, CancellationToken.None);

        await query.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [TestCase("PAnot-base64!")]
    [TestCase("XX" + "MTIzOkNBYQ")]
    [TestCase("PA")]
    public async Task QueryAsync_TokenNotIssuedByTheStore_ThrowsArgumentException(string token)
    {
        var query = () => _store.QueryAsync(new CallRecordQuery { AccountSid = Account, PageToken = token }, CancellationToken.None);

        await query.Should().ThrowAsync<ArgumentException>();
    }

    [Test]
    public async Task DeleteAsync_OwnCall_IsGoneOtherAccountCannotDelete()
    {
        var record = Ended(T0);
        await _store.SaveAsync(record, CancellationToken.None);

        (await _store.DeleteAsync(OtherAccount, record.Sid, CancellationToken.None)).Should().BeFalse();
        (await _store.FindAsync(Account, record.Sid, CancellationToken.None)).Should().NotBeNull();
        (await _store.DeleteAsync(Account, record.Sid, CancellationToken.None)).Should().BeTrue();
        (await _store.FindAsync(Account, record.Sid, CancellationToken.None)).Should().BeNull();
        (await _store.DeleteAsync(Account, record.Sid, CancellationToken.None)).Should().BeFalse();
    }

    [Test]
    public async Task PruneAsync_EndedCallsUpdatedBeforeTheCutoff_AreDeletedLiveAndRecentOnesKept()
    {
        var old = Ended(T0) with { DateUpdated = T0.AddMinutes(5) };
        var recent = Ended(T0) with { DateUpdated = T0.AddDays(2) };
        var oldButLive = Live(T0) with { DateUpdated = T0.AddMinutes(5) };
        await SaveAllAsync(old, recent, oldButLive);

        var pruned = await _store.PruneAsync(T0.AddDays(1), CancellationToken.None);

        pruned.Should().Be(1);
        (await Query(new CallRecordQuery { AccountSid = Account })).Items.Select(r => r.Sid).Should().BeEquivalentTo([recent.Sid, oldButLive.Sid]);
    }

    [Test]
    public async Task FindAsync_DatabaseReopened_RecordIsStillThere()
    {
        var record = Ended(T0);
        await _store.SaveAsync(record, CancellationToken.None);
        await _database.DisposeAsync();

        (_database, _store) = Open();

        (await _store.FindAsync(Account, record.Sid, CancellationToken.None)).Should().Be(record);
        (await Query(new CallRecordQuery { AccountSid = Account })).Items.Should().Equal(record);
    }

    private static CallRecord Live(DateTimeOffset created, string? sid = null) => new()
    {
        Sid = sid ?? TwilioSid.NewCallSid(),
        AccountSid = Account,
        From = "+15550001",
        To = "+15550002",
        Direction = CallDirection.Inbound,
        Status = CallStatus.InProgress,
        DateCreated = created,
        DateUpdated = created.AddSeconds(2),
        StartTime = created,
        AnswerTime = created.AddSeconds(2),
        CallerName = "Alice",
    };

    private static CallRecord Ended(DateTimeOffset created, string? sid = null) => Live(created, sid) with
    {
        Status = CallStatus.Completed,
        DateUpdated = created.AddSeconds(12),
        EndTime = created.AddSeconds(12),
        Duration = 10,
    };

    private (SqliteRecordsDatabase Database, SqliteCallRecordStore Store) Open()
    {
        var database = new SqliteRecordsDatabase(_folder.File("records.db"), NullLogger<SqliteRecordsDatabase>.Instance);
        return (database, new SqliteCallRecordStore(database, NullLogger<SqliteCallRecordStore>.Instance));
    }

    private Task<RecordPage<CallRecord>> Query(CallRecordQuery query) => _store.QueryAsync(query, CancellationToken.None);

    private async Task SaveAllAsync(params CallRecord[] records)
    {
        foreach (var record in records)
        {
            await _store.SaveAsync(record, CancellationToken.None);
        }
    }
}
