using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RcmlEngine.Hosting;

/// <summary>
/// Logs, every <see cref="EngineStatsOptions.Interval"/>, what an operator watches: calls in progress, the
/// managed heap after the last garbage collection, the process's resident memory and its threads.
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
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                using var process = Process.GetCurrentProcess();
                var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
                LogStats(calls.ActiveCalls, heap / 1024, process.WorkingSet64 / 1024, process.Threads.Count);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Hosting + 30, Level = LogLevel.Information,
        Message = "Stats: {Calls} call(s) in progress, managed heap {HeapKiB} KiB, resident {ResidentKiB} KiB, {Threads} threads")]
    private partial void LogStats(int calls, long heapKiB, long residentKiB, int threads);
}
