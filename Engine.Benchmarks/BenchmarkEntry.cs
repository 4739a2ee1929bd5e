using BenchmarkDotNet.Running;

namespace RcmlEngine.Benchmarks;

/// <summary>Runs the benchmarks: <c>scripts/bench.sh [--filter '*Name*']</c>; figures go to docs/performance.md.</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
