namespace RcmlEngine.Tests.Support;

/// <summary>
/// The standard test data in <c>../shared/conformance/</c> beside the repository (RFC 4475 and 5118
/// SIP messages, real TwiML documents). Tests read it in place and never copy it into the project.
/// CI always has it; a clone elsewhere may not, and then the tests that need it are skipped, saying why.
/// </summary>
internal static class SharedConformance
{
    /// <summary>The conformance folder, or null where this clone has no <c>../shared</c>.</summary>
    public static string? Root
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "conformance"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>A subfolder (e.g. <c>sip/rfc4475</c>); marks the calling test skipped when absent.</summary>
    public static string Require(string relative)
    {
        var root = Root;
        if (root is null)
        {
            Assert.Ignore($"../shared/conformance is not beside this clone ({RepoPaths.Root}); conformance data unavailable");
        }

        var path = Path.Combine(root!, relative);
        if (!Directory.Exists(path))
        {
            Assert.Ignore($"conformance folder {path} is absent");
        }

        return path;
    }

    /// <summary>
    /// Files of a conformance folder for <c>[TestCaseSource]</c>: one case per file, or a single
    /// case that reports itself skipped when the data is absent.
    /// </summary>
    public static IEnumerable<TestCaseData> Cases(string relative, string searchPattern = "*")
    {
        var root = Root;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !Directory.Exists(path))
        {
            yield return new TestCaseData(string.Empty).SetName($"{relative.Replace('/', '_')}_ConformanceDataAbsent")
                .Ignore($"../shared/conformance/{relative} is not beside this clone; conformance data unavailable");
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(path, searchPattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(path, file);
            yield return new TestCaseData(file).SetArgDisplayNames(name);
        }
    }
}
