namespace RcmlEngine.Media.Fetching;

/// <summary>Keeps a cache directory under a size: deletes the least recently used files (with their <c>.json</c> entries) first.</summary>
internal static class MediaCacheTrimmer
{
    /// <summary>Deletes files until the directory's total is at most <paramref name="maxBytes"/>.</summary>
    public static void Trim(string directory, long maxBytes)
    {
        var files = new DirectoryInfo(directory)
            .EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension is not (".json" or ".tmp"))
            .ToList();
        var total = files.Sum(f => f.Length);
        foreach (var file in files.OrderBy(f => f.LastAccessTimeUtc > f.LastWriteTimeUtc ? f.LastAccessTimeUtc : f.LastWriteTimeUtc))
        {
            if (total <= maxBytes)
            {
                return;
            }

            total -= file.Length;
            TryDelete(file.FullName);
            TryDelete(Path.ChangeExtension(file.FullName, ".json"));
        }
    }

    /// <summary>Marks a cached file as used now (the trimmer evicts by last access).</summary>
    public static void Touch(string path, TimeProvider time) => File.SetLastAccessTimeUtc(path, time.GetUtcNow().UtcDateTime);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // In use elsewhere: the next trim gets it.
        }
    }
}
