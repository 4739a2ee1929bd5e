namespace RcmlEngine.Hosting;

/// <summary>Where recordings are kept (<c>Recordings</c> section).</summary>
internal sealed class RecordingsOptions
{
    /// <summary>The folder; created when missing. Default <c>data/recordings</c>.</summary>
    public string Folder { get; set; } = Path.Combine("data", "recordings");
}
