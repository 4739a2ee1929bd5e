using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Tests.Calls.Dialing;

/// <summary>RFC 3891's Replaces value, as an attended transfer's Refer-To carries it.</summary>
[TestFixture]
public sealed class CallDialogIdTests
{
    [Test]
    public void TryParse_CallIdAndBothTags_Read()
    {
        CallDialogId.TryParse("425928@bobster.example.org;to-tag=7743;from-tag=6472", out var id).Should().BeTrue();

        id.Should().Be(new CallDialogId("425928@bobster.example.org", "7743", "6472"));
    }

    [Test]
    public void TryParse_EarlyOnlyAndSpaces_Ignored()
    {
        CallDialogId.TryParse(" abc ; from-tag=f ;early-only; to-tag=t", out var id).Should().BeTrue();

        id.Should().Be(new CallDialogId("abc", "t", "f"));
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("abc;to-tag=t")]
    [TestCase(";to-tag=t;from-tag=f")]
    [TestCase("abc;to-tag=;from-tag=f")]
    public void TryParse_MissingPart_False(string value) =>
        CallDialogId.TryParse(value, out _).Should().BeFalse();

    [Test]
    public void Names_ToTagIsOurLocalTag_Matches()
    {
        var id = new CallDialogId("c1", "ours", "theirs");

        id.Names("c1", "ours", "theirs").Should().BeTrue();
        id.Names("c1", "theirs", "ours").Should().BeTrue("phones that swap the tags still name the dialog");
        id.Names("c2", "ours", "theirs").Should().BeFalse();
        id.Names("c1", "ours", "other").Should().BeFalse();
    }
}
