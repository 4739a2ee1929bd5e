using RcmlEngine.Calls.Sip;
using RcmlEngine.Execution.Dialing;

namespace RcmlEngine.Tests.Execution.Dialing;

[TestFixture]
public sealed class ClientParameterHeadersTests
{
    [Test]
    public void Of_TokenNames_EachBecomesAnXHeaderInOrder()
    {
        var (headers, skipped) = ClientParameterHeaders.Of([new("Tenant", "acme"), new("ticket-id", " 42 "), new("a.b_c+1~", "v")]);

        headers.Select(h => $"{h.Key}: {h.Value}").Should().Equal("X-Tenant: acme", "X-ticket-id: 42", "X-a.b_c+1~: v");
        skipped.Should().BeEmpty();
    }

    [TestCase("has space")]
    [TestCase("colon:")]
    [TestCase("")]
    [TestCase("ünicode")]
    public void Of_NameNotAToken_SkippedWithTheReason(string name)
    {
        var (headers, skipped) = ClientParameterHeaders.Of([new(name, "v"), new("Ok", "1")]);

        headers.Select(h => $"{h.Key}: {h.Value}").Should().Equal("X-Ok: 1");
        skipped.Should().ContainSingle().Which.Should().Be((name, "its name is not a SIP token (letters, digits and -.!%*_+`'~ only)"));
    }

    [Test]
    public void Of_ValueWithALineBreak_SkippedSoNoHeaderCanBeForged()
    {
        var (headers, skipped) = ClientParameterHeaders.Of([new("Evil", "x\r\nVia: SIP/2.0/UDP 192.0.2.1")]);

        headers.Should().BeEmpty();
        skipped.Should().ContainSingle().Which.Name.Should().Be("Evil");
    }

    [Test]
    public void Of_MoreThanTheSipHeadersLimit_TheParameterThatWouldCrossItIsSkipped()
    {
        // "X-A=" + 600 characters, then "&X-B=" + 600: over 1024 together.
        var (headers, skipped) = ClientParameterHeaders.Of([new("A", new string('a', 600)), new("B", new string('b', 600)), new("C", "small")]);

        headers.Select(h => h.Key).Should().Equal("X-A", "X-C");
        skipped.Should().ContainSingle().Which.Should().Be(("B", $"the parameters' headers would exceed {SipDialTarget.MaxHeadersCharacters} characters"));
    }

    [Test]
    public void Of_ExactlyAtTheLimit_Kept()
    {
        var value = new string('v', SipDialTarget.MaxHeadersCharacters - "X-N=".Length);

        var (headers, skipped) = ClientParameterHeaders.Of([new("N", value)]);

        headers.Should().ContainSingle();
        skipped.Should().BeEmpty();
    }
}
