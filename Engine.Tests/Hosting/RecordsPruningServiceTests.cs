using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Calls.Records;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Hosting;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Hosting;

[TestFixture]
public sealed class RecordsPruningServiceTests
{
    private FakeTimeProvider _time = null!;
    private FakeCallRecordStore _calls = null!;
    private TempDirectory _folder = null!;
    private SqliteRecordsDatabase _database = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        _calls = new FakeCallRecordStore();
        _folder = new TempDirectory();
        _database = new SqliteRecordsDatabase(_folder.File("records.db"), NullLogger<SqliteRecordsDatabase>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ExecuteAsync_EveryInterval_PrunesWhatIsOlderThanTheRetention(CancellationToken cancellationToken)
    {
        var catalog = new SqliteRecordingCatalog(_database, NullLogger<SqliteRecordingCatalog>.Instance);
        var old = Recording(_time.GetUtcNow() - TimeSpan.FromDays(31));
        await catalog.SaveAsync(old, cancellationToken);
        using var service = Service(catalog, TimeSpan.FromDays(30), TimeSpan.FromHours(1));
        var first = _calls.Pruned.Task;

        await service.StartAsync(cancellationToken);
        await first.WaitAsync(cancellationToken);
        var second = _calls.Pruned.Task;
        _time.Advance(TimeSpan.FromHours(1));
        await second.WaitAsync(cancellationToken);
        await service.StopAsync(cancellationToken);

        _calls.Prunes.Should().Equal(
            new DateTimeOffset(2026, 11, 7, 10, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 7, 11, 0, 0, TimeSpan.Zero));
        (await catalog.FindAsync(old.AccountSid, old.Sid, cancellationToken)).Should().BeNull();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ExecuteAsync_StoreThrows_LogsAndPrunesAgainNextInterval(CancellationToken cancellationToken)
    {
        _calls.PruneFailure = new IOException("disk gone");
        var catalog = new SqliteRecordingCatalog(_database, NullLogger<SqliteRecordingCatalog>.Instance);
        using var service = Service(catalog, TimeSpan.FromDays(1), TimeSpan.FromMinutes(10));
        var first = _calls.Pruned.Task;

        await service.StartAsync(cancellationToken);
        await first.WaitAsync(cancellationToken);
        var second = _calls.Pruned.Task;
        _time.Advance(TimeSpan.FromMinutes(10));
        await second.WaitAsync(cancellationToken);

        service.ExecuteTask!.IsCompleted.Should().BeFalse("a failed pass does not stop the service");
        await service.StopAsync(cancellationToken);
        service.ExecuteTask.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ExecuteAsync_RetentionZero_KeepsEverything(CancellationToken cancellationToken)
    {
        var catalog = new SqliteRecordingCatalog(_database, NullLogger<SqliteRecordingCatalog>.Instance);
        using var service = Service(catalog, TimeSpan.Zero, TimeSpan.FromMinutes(1));

        await service.StartAsync(cancellationToken);
        await service.ExecuteTask!.WaitAsync(cancellationToken);
        _time.Advance(TimeSpan.FromHours(1));

        _calls.Prunes.Should().BeEmpty();
    }

    private RecordsPruningService Service(IRecordingCatalog catalog, TimeSpan retention, TimeSpan interval) =>
        new(_calls, catalog, Options.Create(new RecordsOptions { Retention = retention, PruneInterval = interval }), _time,
            NullLogger<RecordsPruningService>.Instance);

    private RecordingRecord Recording(DateTimeOffset created)
    {
        var file = _folder.File("old.wav");
        File.WriteAllBytes(file, [1, 2, 3]);
        return new RecordingRecord
        {
            Sid = RcmlEngine.Calls.TwilioSid.New(RcmlEngine.Calls.TwilioSid.RecordingPrefix),
            AccountSid = "AC11111111111111111111111111111111",
            CallSid = RcmlEngine.Calls.TwilioSid.NewCallSid(),
            DateCreated = created,
            DateUpdated = created,
            StartTime = created,
            Duration = 1,
            Channels = 1,
            Source = RecordingSources.RecordVerb,
            Status = "completed",
            FilePath = file,
        };
    }
}
