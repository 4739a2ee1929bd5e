using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Benchmarks.PacerLoad;

/// <summary>
/// N concurrent outgoing RTP streams (PCMU, 20 ms) on one <see cref="RtpPacer"/> over loopback:
/// real <see cref="RtpSession"/>s on their own sockets, their rings topped up with a tone as play
/// pumps do. Measures the pacer thread's CPU, the process's CPU, inter-departure intervals
/// (p50/p99/max, from the pacer's own departure timestamps) and drift over the run.
/// Usage: <c>pacer-load [--streams 100,500,1000,2000] [--seconds 30] [--nice -10] [--realtime 0]</c>
/// (the media threads' scheduling, as <see cref="RtpOptions"/> sets it).
/// </summary>
public static class PacerLoadRun
{
    private const int PacketTimeMs = 20;
    private const int SinkCount = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var streams = Option(args, "--streams", "100,500,1000,2000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var seconds = int.Parse(Option(args, "--seconds", "30"), CultureInfo.InvariantCulture);
        var options = new RtpOptions
        {
            InactivityTimeout = TimeSpan.Zero,
            MediaThreadNice = int.Parse(Option(args, "--nice", "-10"), CultureInfo.InvariantCulture),
            MediaThreadRealtimePriority = int.Parse(Option(args, "--realtime", "0"), CultureInfo.InvariantCulture),
        };
        Console.WriteLine($"# pacer-load: {Environment.ProcessorCount} cores, {seconds} s per run, {PacketTimeMs} ms packets, " +
            $"media threads nice {options.MediaThreadNice}, SCHED_RR {options.MediaThreadRealtimePriority} (0: off), .NET {Environment.Version}");
        Console.WriteLine("| streams | pacer thread CPU (% of a core) | per stream (µs CPU/s) | process CPU (% of a core) | interval p50 (ms) | p99 (ms) | max (ms) | late p99 (ms) | drift (ms) | skipped ticks | packets sent | load avg before/after |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var count in streams)
        {
            await RunOneAsync(count, seconds, options);
        }

        return 0;
    }

    private static async Task RunOneAsync(int count, int seconds, RtpOptions options)
    {
        var loadBefore = LoadAverage();
        using var pacer = new RtpPacer(TimeProvider.System, NullLogger<RtpPacer>.Instance, options);
        using var poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, options);
        var sinks = Enumerable.Range(0, SinkCount).Select(_ => Bind()).ToArray();
        var sessions = new List<RtpSession>(count);
        var tone = Enumerable.Range(0, 8000).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / 8000.0))).ToArray();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var session = new RtpSession(new RtpSocketPair(Bind(), Bind()), pacer, poller, TimeProvider.System, NullLogger<RtpSession>.Instance, options);
                var sink = (IPEndPoint)sinks[i % SinkCount].LocalEndPoint!;
                session.Configure(new RtpStreamConfig(sink, null, G711Codec.Pcmu, 0, null, PacketTimeMs, Send: true, Receive: false));
                sessions.Add(session);
            }

            using var feeding = new CancellationTokenSource();
            var feeder = FeedAsync(sessions, tone, feeding.Token);
            foreach (var session in sessions)
            {
                session.Start();
            }

            // Two seconds to settle (JIT, first phases), then measure.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var probe = new PacerProbe(count, (seconds * 1000 / PacketTimeMs) + 100);
            var pacerThread = FindThread("rtp-pacer");
            var pacerCpuBefore = ThreadCpu(pacerThread);
            var processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var skippedBefore = pacer.SkippedTicks;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var sentBefore = sessions.Sum(s => s.Counters.PacketsSent);
            var wall = Stopwatch.StartNew();
            pacer.Probe = probe;
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            pacer.Probe = null;
            wall.Stop();
            var pacerCpu = ThreadCpu(pacerThread) - pacerCpuBefore;
            var processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var sentDuring = sessions.Sum(s => s.Counters.PacketsSent) - sentBefore;
            Console.Error.WriteLine($"{count} streams: {allocated} bytes allocated by the whole process while {sentDuring} packets were sent ({(double)allocated / sentDuring:0.00} bytes/packet, feeder and runtime included)");
            await feeding.CancelAsync();
            await feeder;
            if (Environment.GetEnvironmentVariable("PACER_LOAD_THREADS") == "1")
            {
                foreach (var task in Directory.GetDirectories("/proc/self/task").OrderByDescending(t => ThreadCpu(t)).Take(8))
                {
                    Console.Error.WriteLine($"  thread {File.ReadAllText(Path.Combine(task, "comm")).Trim()}: {ThreadCpu(task).TotalSeconds:0.00} s");
                }
            }

            Report(count, probe, wall.Elapsed, pacerCpu, processCpu, pacer.SkippedTicks - skippedBefore, loadBefore, sessions);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.StopAsync();
            }

            foreach (var sink in sinks)
            {
                sink.Dispose();
            }
        }
    }

    private static void Report(
        int count, PacerProbe probe, TimeSpan wall, TimeSpan pacerCpu, TimeSpan processCpu, long skipped, string loadBefore, List<RtpSession> sessions)
    {
        var frequency = (double)Stopwatch.Frequency;
        var intervals = new List<double>(count * (int)(wall.TotalSeconds * 50));
        var lateness = new List<double>(intervals.Capacity);
        var drift = 0.0;
        for (var s = 0; s < count; s++)
        {
            var departures = probe.Departures(s);
            var deadlines = probe.Deadlines(s);
            for (var i = 0; i < departures.Length; i++)
            {
                lateness.Add((departures[i] - deadlines[i]) * 1000 / frequency);
                if (i > 0)
                {
                    intervals.Add((departures[i] - departures[i - 1]) * 1000 / frequency);
                }
            }

            if (departures.Length > 100)
            {
                // Drift: how far the stream's average lateness moved from its first 50 packets to its last 50.
                var first = Average(departures[..50], deadlines[..50]);
                var last = Average(departures[^50..], deadlines[^50..]);
                drift = Math.Max(drift, Math.Abs(last - first) * 1000 / frequency);
            }
        }

        lateness.Sort();
        var period = PacketTimeMs * frequency / 1000;
        var irregular = 0;
        for (var s = 0; s < count; s++)
        {
            var deadlines = probe.Deadlines(s);
            for (var i = 1; i < deadlines.Length; i++)
            {
                irregular += Math.Abs(deadlines[i] - deadlines[i - 1] - period) > 1 ? 1 : 0;
            }
        }

        if (irregular > 0)
        {
            Console.Error.WriteLine($"{count} streams: {irregular} deadline steps were not one period (skipped ticks)");
        }

        intervals.Sort();
        var sent = sessions.Sum(s => s.Counters.PacketsSent);
        var pacerShare = pacerCpu.TotalSeconds / wall.TotalSeconds * 100;
        var perStream = pacerCpu.TotalMilliseconds * 1000 / wall.TotalSeconds / count;
        var processShare = processCpu.TotalSeconds / wall.TotalSeconds * 100;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {pacerShare:0.0} | {perStream:0.0} | {processShare:0.0} | {Percentile(intervals, 0.50):0.00} | {Percentile(intervals, 0.99):0.00} | {intervals[^1]:0.00} | {Percentile(lateness, 0.99):0.00} | {drift:0.00} | {skipped} | {sent} | {loadBefore} / {LoadAverage()} |"));
    }

    /// <summary>Tops every ring up with tone twice a second, as play pumps would.</summary>
    private static async Task FeedAsync(List<RtpSession> sessions, short[] tone, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            do
            {
                foreach (var session in sessions)
                {
                    var room = session.Outbound.Capacity - session.Outbound.Buffered;
                    session.Outbound.Write(tone.AsSpan(0, Math.Min(room, tone.Length)));
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static double Average(ReadOnlySpan<long> departures, ReadOnlySpan<long> deadlines)
    {
        var sum = 0.0;
        for (var i = 0; i < departures.Length; i++)
        {
            sum += departures[i] - deadlines[i];
        }

        return sum / departures.Length;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static Socket Bind() => RtpSocketPair.Bind(IPAddress.Loopback, 0);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The Linux thread id of the thread with this name (.NET names native threads after Thread.Name).</summary>
    private static string? FindThread(string name) =>
        Directory.Exists("/proc/self/task")
            ? Directory.GetDirectories("/proc/self/task").FirstOrDefault(t => File.ReadAllText(Path.Combine(t, "comm")).Trim() == name)
            : null;

    /// <summary>User plus system CPU of a thread, from /proc/self/task/TID/stat (clock ticks of 1/100 s).</summary>
    private static TimeSpan ThreadCpu(string? task)
    {
        if (task is null)
        {
            return TimeSpan.Zero;
        }

        var stat = File.ReadAllText(Path.Combine(task, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
