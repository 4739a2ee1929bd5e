using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Tests.Sip.Messages;

/// <summary>RFC 3261 19.1.4 URI comparison, with the RFC's own equal and unequal examples.</summary>
[TestFixture]
public sealed class SipUriEquivalenceTests
{
    [TestCase("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [TestCase("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [TestCase("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5")]
    [TestCase("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    public void IsEquivalentTo_Rfc3261EqualExamples_True(string a, string b)
    {
        Parse(a).IsEquivalentTo(Parse(b)).Should().BeTrue();
        Parse(b).IsEquivalentTo(Parse(a)).Should().BeTrue();
    }

    [TestCase("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [TestCase("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [TestCase("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [TestCase("sip:bob@biloxi.com", "sips:bob@biloxi.com")]
    [TestCase("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    public void IsEquivalentTo_Rfc3261UnequalExamples_False(string a, string b)
    {
        Parse(a).IsEquivalentTo(Parse(b)).Should().BeFalse();
        Parse(b).IsEquivalentTo(Parse(a)).Should().BeFalse();
    }

    private static SipUri Parse(string text)
    {
        SipUri.TryParse(text, out var uri, out var error).Should().BeTrue(error);
        return uri;
    }
}
