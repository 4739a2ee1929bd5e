using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls.Records;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Hosting;

/// <summary>
/// Deletes, at start and every <see cref="RecordsOptions.PruneInterval"/>, the records of calls that ended
/// and of recordings (with their files) older than <see cref="RecordsOptions.Retention"/>; a retention of
/// zero keeps everything. A failed pass is logged and the next one runs on time: it never stops the host.
/// </summary>
internal sealed partial class RecordsPruningService(
    ICallRecordStore calls,
    IRecordingCatalog recordings,
    IOptions<RecordsOptions> options,
    TimeProvider time,
    ILogger<RecordsPruningService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Retention <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.PruneInterval, time);
        try
        {
            do
            {
                await PruneAsync(settings.Retention, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One pass: deletes what is older than <paramref name="retention"/>; logs instead of throwing.</summary>
    public async Task PruneAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - retention;
        try
        {
            var prunedCalls = await calls.PruneAsync(before, cancellationToken);
            var prunedRecordings = await recordings.PruneAsync(before, cancellationToken);
            if (prunedCalls + prunedRecordings > 0)
            {
                LogPruned(new Counted(prunedCalls, "call"), new Counted(prunedRecordings, "recording"), before);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPruneFailed(exception);
        }
    }
}
