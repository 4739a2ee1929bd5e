using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Diagnostics;

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
        var allocated = GC.GetTotalAllocatedBytes();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // GetGCMemoryInfo describes the last collection (0 before the first one); the bytes in use now
                    // and those allocated since the last line say what the heap is doing between collections.
                    var heap = GC.GetTotalMemory(forceFullCollection: false);
                    var (nowCollections, nowPaused, nowAllocated) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
                    var (resident, threads) = (Environment.WorkingSet / 1024, ThreadCount());
                    LogStats(new Counted(calls.ActiveCalls, "call"), heap / 1024, (nowAllocated - allocated) / 1024, resident, threads,
                        new Counted(nowCollections - collections, "collection"), (nowPaused - paused).TotalMilliseconds);
                    (collections, paused, allocated) = (nowCollections, nowPaused, nowAllocated);
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
        Message = "Stats: {Calls} in progress, managed heap {HeapKiB} KiB ({AllocatedKiB} KiB allocated since the last line), resident {ResidentKiB} KiB, {Threads} threads, {Collections} pausing {PausedMs:F1} ms")]
    private partial void LogStats(Counted calls, long heapKiB, long allocatedKiB, long residentKiB, int threads, Counted collections, double pausedMs);
}
