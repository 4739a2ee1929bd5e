namespace RcmlEngine.Hosting;

/// <summary>The sample documents <c>rcml serve</c> answers with when no application is configured (<c>Samples</c> section).</summary>
internal sealed class SamplesOptions
{
    /// <summary>
    /// The folder of the samples; none searches <c>./samples</c>, then a <c>samples</c> folder beside the
    /// program or in a folder above it (the repository's, for <c>./run.sh</c> and <c>dotnet run</c>).
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>
    /// Serve the samples folder over HTTP under <c>/samples/</c> (without authentication, like recordings).
    /// Null (default): only in samples mode (no application and no trunk configured), where calls need it.
    /// </summary>
    public bool? Serve { get; set; }
}
