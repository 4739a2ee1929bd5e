namespace RcmlEngine.Tests.Support;

/// <summary>Where the repository's folders are, found from the test assembly upwards.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds <c>RcmlEngine.sln</c>.</summary>
    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Schemas => Path.Combine(Root, "schemas");

    /// <summary>The folder of SIPp scenarios and other peer files kept with the tests.</summary>
    public static string TestAssets => Path.Combine(Root, "Engine.Tests", "Assets");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RcmlEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RcmlEngine.sln not found above {AppContext.BaseDirectory}");
    }
}
