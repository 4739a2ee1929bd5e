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
                try
                {
                    var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
                    var (nowCollections, nowPaused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
                    var (resident, threads) = (Environment.WorkingSet / 1024, ThreadCount());
                    LogStats(calls.ActiveCalls, heap / 1024, resident, threads,
                        nowCollections - collections, (nowPaused - paused).TotalMilliseconds);
                    (collections, paused) = (nowCollections, nowPaused);
                }
#pragma warning disable CA1031 // A stats line is never worth the engine: log and try again next tick.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogStatsFailed(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    // Process.Threads reads /proc and throws when the figures cannot be read (under load, the issue 11 crash); -1 then.
    private static int ThreadCount()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return process.Threads.Count;
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Hosting + 31, Level = LogLevel.Warning, Message = "Stats could not be read; trying again next time")]
    private partial void LogStatsFailed(Exception exception);

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Hosting + 30, Level = LogLevel.Information,
        Message = "Stats: {Calls} call(s) in progress, managed heap {HeapKiB} KiB, resident {ResidentKiB} KiB, {Threads} threads, {Collections} collection(s) pausing {PausedMs:F1} ms")]
    private partial void LogStats(int calls, long heapKiB, long residentKiB, int threads, int collections, double pausedMs);
}
