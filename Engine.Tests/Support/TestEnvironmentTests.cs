namespace RcmlEngine.Tests.Support;

/// <summary>A missing peer skips a test on a developer's machine and fails it in CI, so a green CI run means every test ran.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TestEnvironmentTests
{
    private const string Missing = "rcml-no-such-peer-program";

    [Test]
    public void Require_MissingProgramInCi_FailsTheTest()
    {
        using var ci = new EnvironmentVariables(("CI", "true"));

        var failure = Assert.Throws<AssertionException>(() => PeerPrograms.Require(Missing));

        failure!.Message.Should().Contain(Missing).And.Contain("CI=true");
    }

    [Test]
    public void Require_MissingProgramOutsideCi_SkipsTheTestSayingWhy()
    {
        using var ci = new EnvironmentVariables(("CI", null));

        var skip = Assert.Throws<IgnoreException>(() => PeerPrograms.Require(Missing));

        skip!.Message.Should().Contain(Missing).And.Contain("install-deps.sh");
    }

    [Test]
    public void Require_InstalledProgram_ReturnsItsPath()
    {
        PeerPrograms.Require("sh").Should().EndWith("/sh");
    }
}
