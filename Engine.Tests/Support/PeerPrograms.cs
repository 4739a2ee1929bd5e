namespace RcmlEngine.Tests.Support;

/// <summary>Finds the real-peer programs (sipp, espeak-ng, ffmpeg...) on PATH; a test without one is skipped, saying why (it fails in CI).</summary>
internal static class PeerPrograms
{
    /// <summary>The full path of <paramref name="program"/>, or the calling test is marked ignored.</summary>
    public static string Require(string program)
    {
        var found = Find(program);
        if (found is null)
        {
            TestEnvironment.Unavailable($"{program} is not installed (scripts/install-deps.sh test installs it)");
        }

        return found!;
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
