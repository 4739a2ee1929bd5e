using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RcmlEngine.Hosting;

/// <summary>
/// Logs, every <see cref="EngineStatsOptions.Interval"/>, what an operator watches: calls in progress, the
/// managed heap after the last garbage collection, the process's resident memory and its threads, and the
/// collections since the last line with the time they paused the process (media threads included: a
/// pause delays every packet waiting to be relayed).
/// </summary>
internal sealed partial class EngineStatsReporter(
    SipCallRunner calls,
    IOptions<EngineStatsOptions> options,
    TimeProvider time,
    ILogger<EngineStatsReporter> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                using var process = Process.GetCurrentProcess();
                var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
                var (nowCollections, nowPaused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
                LogStats(calls.ActiveCalls, heap / 1024, process.WorkingSet64 / 1024, process.Threads.Count,
                    nowCollections - collections, (nowPaused - paused).TotalMilliseconds);
                (collections, paused) = (nowCollections, nowPaused);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Hosting + 30, Level = LogLevel.Information,
        Message = "Stats: {Calls} call(s) in progress, managed heap {HeapKiB} KiB, resident {ResidentKiB} KiB, {Threads} threads, {Collections} collection(s) pausing {PausedMs:F1} ms")]
    private partial void LogStats(int calls, long heapKiB, long residentKiB, int threads, int collections, double pausedMs);
}
