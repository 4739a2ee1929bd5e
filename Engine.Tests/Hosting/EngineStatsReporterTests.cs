using System.Globalization;
using System.Text.RegularExpressions;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Hosting;

/// <summary>The stats line an operator reads: figures measured, not the zeros of a heap that has not been collected yet.</summary>
[TestFixture]
public sealed partial class EngineStatsReporterTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task StatsLine_FreshEngine_ReportsHeapInUseAndWordsInTheRightNumber(CancellationToken cancellationToken)
    {
        var settings = TestEngine.App("stats", new Uri("http://127.0.0.1:9/voice"));
        settings["Stats:Interval"] = "00:00:00.2";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        Match line;
        for (var tries = 0; !(line = StatsLine().Match(engine.Log)).Success; tries++)
        {
            tries.Should().BeLessThan(200, "a stats line is due every 200 ms; the log so far:\n" + engine.Log);
            await Task.Delay(50, cancellationToken);
        }

        line.Groups["calls"].Value.Should().Be("0 calls");
        long.Parse(line.Groups["heap"].Value, CultureInfo.InvariantCulture).Should().BePositive("the engine has objects on its heap before any collection");
        line.Value.Should().NotContain("(s)");
    }

    [GeneratedRegex(@"Stats: (?<calls>\d+ calls?) in progress, managed heap (?<heap>\d+) KiB \(\d+ KiB allocated since the last line\), resident \d+ KiB, -?\d+ threads, \d+ collections?")]
    private static partial Regex StatsLine();
}
