namespace RcmlEngine.Execution.Recordings;

/// <summary>Where <see cref="FileSystemRecordingStore"/> keeps recordings and how their URLs start.</summary>
internal sealed class RecordingStoreOptions
{
    /// <summary>The folder (created when missing); one subfolder per account. Default <c>data/recordings</c>.</summary>
    public string Folder { get; set; } = Path.Combine("data", "recordings");

    /// <summary>The engine's public HTTP base URL; recording URLs are built under it. Default <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8080/");
}
