using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution.Recordings;

[TestFixture]
public sealed class SqliteRecordingCatalogTests
{
    private const string Account = "AC11111111111111111111111111111111";
    private const string OtherAccount = "AC22222222222222222222222222222222";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private TempDirectory _folder = null!;
    private SqliteRecordsDatabase _database = null!;
    private SqliteRecordingCatalog _catalog = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        (_database, _catalog) = Open();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    public async Task SaveAsync_Recording_FindReturnsItOnlyInItsAccount()
    {
        var recording = Recording(T0);

        await _catalog.SaveAsync(recording, CancellationToken.None);

        (await _catalog.FindAsync(Account, recording.Sid, CancellationToken.None)).Should().Be(recording);
        (await _catalog.FindAsync(OtherAccount, recording.Sid, CancellationToken.None)).Should().BeNull();
    }

    [Test]
    public async Task QueryAsync_CallSidAndCreationRange_ListOnlyMatches()
    {
        var call = TwilioSid.NewCallSid();
        var early = Recording(T0, call);
        var late = Recording(T0.AddHours(1), call);
        var otherCall = Recording(T0.AddMinutes(30));
        var otherAccount = Recording(T0.AddMinutes(40)) with { AccountSid = OtherAccount };
        foreach (var recording in new[] { early, late, otherCall, otherAccount })
        {
            await _catalog.SaveAsync(recording, CancellationToken.None);
        }

        (await Query(new RecordingQuery { AccountSid = Account })).Items.Should().Equal(late, otherCall, early);
        (await Query(new RecordingQuery { AccountSid = Account, CallSid = call })).Items.Should().Equal(late, early);
        (await Query(new RecordingQuery { AccountSid = Account, DateCreatedFrom = T0.AddMinutes(30), DateCreatedTo = T0.AddHours(1) }))
            .Items.Should().Equal(otherCall);
    }

    [Test]
    public async Task QueryAsync_PagesOfTwo_NextTokenLeadsToTheRest()
    {
        var recordings = Enumerable.Range(0, 3).Select(i => Recording(T0.AddMinutes(i))).ToArray();
        foreach (var recording in recordings)
        {
            await _catalog.SaveAsync(recording, CancellationToken.None);
        }

        var first = await Query(new RecordingQuery { AccountSid = Account, PageSize = 2 });
        var second = await Query(new RecordingQuery { AccountSid = Account, PageSize = 2, Page = 1, PageToken = first.NextPageToken });

        first.Items.Should().Equal(recordings[2], recordings[1]);
        second.Items.Should().Equal(recordings[0]);
        second.NextPageToken.Should().BeNull();
    }

    [Test]
    public async Task DeleteAsync_OwnRecording_RemovesTheRowAndTheFile()
    {
        var recording = Recording(T0);
        await _catalog.SaveAsync(recording, CancellationToken.None);

        (await _catalog.DeleteAsync(OtherAccount, recording.Sid, CancellationToken.None)).Should().BeFalse();
        File.Exists(recording.FilePath).Should().BeTrue("another account cannot delete it");
        (await _catalog.DeleteAsync(Account, recording.Sid, CancellationToken.None)).Should().BeTrue();

        File.Exists(recording.FilePath).Should().BeFalse();
        (await _catalog.FindAsync(Account, recording.Sid, CancellationToken.None)).Should().BeNull();
    }

    [Test]
    public async Task PruneAsync_RecordingsCreatedBeforeTheCutoff_RowsAndFilesGo()
    {
        var old = Recording(T0);
        var recent = Recording(T0.AddDays(2));
        await _catalog.SaveAsync(old, CancellationToken.None);
        await _catalog.SaveAsync(recent, CancellationToken.None);

        (await _catalog.PruneAsync(T0.AddDays(1), CancellationToken.None)).Should().Be(1);

        File.Exists(old.FilePath).Should().BeFalse();
        File.Exists(recent.FilePath).Should().BeTrue();
        (await Query(new RecordingQuery { AccountSid = Account })).Items.Should().Equal(recent);
    }

    [Test]
    public async Task FindAsync_DatabaseReopened_RecordingIsStillThere()
    {
        var recording = Recording(T0);
        await _catalog.SaveAsync(recording, CancellationToken.None);
        await _database.DisposeAsync();

        (_database, _catalog) = Open();

        (await _catalog.FindAsync(Account, recording.Sid, CancellationToken.None)).Should().Be(recording);
    }

    [Test]
    public async Task SaveAsync_DatabaseClosed_LogsInsteadOfThrowing()
    {
        await _database.DisposeAsync();

        var save = () => _catalog.SaveAsync(Recording(T0), CancellationToken.None);

        await save.Should().NotThrowAsync("a call must not fail because its recording was not catalogued");
    }

    private RecordingRecord Recording(DateTimeOffset created, string? callSid = null)
    {
        var sid = TwilioSid.New(TwilioSid.RecordingPrefix);
        var file = _folder.File(sid + ".wav");
        File.WriteAllBytes(file, WavBytes.Pcm16(new short[800]));
        return new RecordingRecord
        {
            Sid = sid,
            AccountSid = Account,
            CallSid = callSid ?? TwilioSid.NewCallSid(),
            DateCreated = created,
            DateUpdated = created,
            StartTime = created.AddSeconds(-5),
            Duration = 5,
            Channels = 1,
            Source = RecordingSources.RecordVerb,
            Status = "completed",
            FilePath = file,
        };
    }

    private (SqliteRecordsDatabase Database, SqliteRecordingCatalog Catalog) Open()
    {
        var database = new SqliteRecordsDatabase(_folder.File("records.db"), NullLogger<SqliteRecordsDatabase>.Instance);
        return (database, new SqliteRecordingCatalog(database, NullLogger<SqliteRecordingCatalog>.Instance));
    }

    private Task<RecordPage<RecordingRecord>> Query(RecordingQuery query) => _catalog.QueryAsync(query, CancellationToken.None);
}
