using BenchmarkDotNet.Running;
using RcmlEngine.Benchmarks.PacerLoad;

namespace RcmlEngine.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>scripts/bench.sh [--filter '*Name*']</c>; figures go to docs/performance.md.
/// <c>pacer-load</c> runs the paced-stream load measurement instead (<c>scripts/load-rtp.sh</c>);
/// <c>naudio-resampler-quality</c> and <c>naudio-wav-fit</c> compare the engine's resampler and WAV reader
/// with NAudio's (docs/performance.md, "NAudio").
/// </summary>
public static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "pacer-load")
        {
            return await PacerLoadRun.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "naudio-resampler-quality")
        {
            return Media.NAudio.ResamplerQualityRun.Run();
        }

        if (args.Length > 0 && args[0] == "naudio-wav-fit")
        {
            return await Media.NAudio.WavReaderFitRun.RunAsync();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
