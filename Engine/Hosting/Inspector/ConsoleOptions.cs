namespace RcmlEngine.Hosting.Inspector;

/// <summary>The <c>Console</c> section: the call inspector and the timelines it shows.</summary>
internal sealed class ConsoleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Console";

    /// <summary><c>Console:Enabled</c>: record call timelines and serve <c>/console</c> (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Console:KeepFinishedCalls</c>: how many finished calls' timelines stay in memory (default 200).</summary>
    public int KeepFinishedCalls { get; set; } = 200;
}
