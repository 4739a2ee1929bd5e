namespace RcmlEngine.Hosting;

/// <summary>The periodic stats line of a serving engine (<c>Stats</c> section).</summary>
internal sealed class EngineStatsOptions
{
    /// <summary>How often to log calls in progress, managed heap and threads; zero never. Default one minute.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
