namespace RcmlEngine.Hosting;

/// <summary>Per-call limits (<c>Limits</c> section), checked before each verb.</summary>
internal sealed class LimitsOptions
{
    /// <summary>Documents fetched per call, fallbacks included (stops redirect loops). Default 1000.</summary>
    public int MaxDocumentsPerCall { get; set; } = 1_000;

    /// <summary>Verbs run per call. Default 10000.</summary>
    public int MaxVerbsPerCall { get; set; } = 10_000;

    /// <summary>Longest call, <c>hh:mm:ss</c>. Default <c>04:00:00</c>.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromHours(4);
}
