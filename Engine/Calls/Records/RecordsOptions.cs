namespace RcmlEngine.Calls.Records;

/// <summary>Where call and recording records are kept and for how long (<c>Records</c> section).</summary>
internal sealed class RecordsOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Records";

    /// <summary>The SQLite file of call and recording records; its folder is created. Default <c>data/records.db</c>.</summary>
    public string StorePath { get; set; } = Path.Combine("data", "records.db");

    /// <summary>
    /// How long records of ended calls (by their last update) and recordings (with their files, by
    /// creation) are kept. <c>00:00:00</c> keeps them forever. Default 30 days.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often records older than <see cref="Retention"/> are deleted. Default 1 hour.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
