namespace RcmlEngine.Tests.Support;

/// <summary>
/// What a test does when something it needs is missing here: on a developer's machine it reports itself
/// skipped, saying why; in CI (<c>CI=true</c>, set by <c>.ci/run</c>) it fails, because CI installs every peer
/// and a silently skipped test would make a green run lie.
/// </summary>
internal static class TestEnvironment
{
    /// <summary>True when running in CI.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Skips the calling test (fails it in CI) because <paramref name="reason"/>.</summary>
    public static void Unavailable(string reason)
    {
        if (IsCi)
        {
            Assert.Fail($"{reason}; in CI (CI=true) every peer must be there, so this fails instead of being skipped");
        }

        Assert.Ignore(reason);
    }
}
