using RcmlEngine.Calls.ClickToCall;
using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Tests.Calls.ClickToCall;

[TestFixture]
public sealed class ClickToCallPartyTests
{
    [TestCase("sip:bob@127.0.0.1:5090", "sip:bob@127.0.0.1:5090", "Sip")]
    [TestCase("alice", "alice", "Client")]
    [TestCase("client:alice", "alice", "Client")]
    [TestCase("+1 (555) 010-0", "+15550100", "Number")]
    [TestCase("0049.30.1234", "0049301234", "Number")]
    public void TryParse_KnownForms_TargetAndKind(string text, string target, string kind)
    {
        ClickToCallParty.TryParse(text, out var party, out var error).Should().BeTrue(error);

        party.Should().Be(new ClickToCallParty(target, Enum.Parse<DialTargetKind>(kind)));
    }

    [TestCase("")]
    [TestCase("bob@host")]
    [TestCase("<alice>")]
    [TestCase("client:")]
    [TestCase("two words")]
    public void TryParse_Neither_FalseWithMessage(string text)
    {
        ClickToCallParty.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().NotBeNullOrEmpty();
    }
}
