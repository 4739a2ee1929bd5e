namespace RcmlEngine.Hosting;

/// <summary>
/// Finds the samples folder: <c>Samples:Folder</c> when configured; else <c>samples</c> in the current
/// folder; else a <c>samples</c> folder holding <c>hello.xml</c> beside the program or in one of the
/// folders above it (so <c>./run.sh</c>, <c>dotnet run</c> and a published copy next to the repository
/// all find the repository's samples).
/// </summary>
internal static class SamplesFolder
{
    /// <summary>The name of the folder, and of the URL path it is served under (<c>/samples/</c>).</summary>
    public const string Name = "samples";

    // A folder with this file is the samples folder (and not some other "samples").
    private const string Marker = "hello.xml";

    /// <summary>The samples folder, or null when none is found.</summary>
    public static string? Find(string? configured, string currentFolder, string programFolder)
    {
        if (configured is not null)
        {
            return Path.GetFullPath(configured);
        }

        var here = Path.Combine(currentFolder, Name);
        if (File.Exists(Path.Combine(here, Marker)))
        {
            return Path.GetFullPath(here);
        }

        for (var folder = new DirectoryInfo(programFolder); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, Name);
            if (File.Exists(Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
        }

        return null;
    }
}
