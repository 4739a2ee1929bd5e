using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary><c>&lt;Dial referUrl referMethod&gt;</c> (Twilio's "Transfers: SIP REFER").</summary>
[TestFixture]
public sealed class DialReferParsingTests
{
    [Test]
    public void Dial_ReferUrlAndMethod_AreRead()
    {
        var dial = RcmlTestDocuments.Clean<DialVerb>("<Dial referUrl=\"/transfer\" referMethod=\"GET\"><Sip>sip:desk@example.com</Sip></Dial>");

        (dial.ReferUrl, dial.ReferMethod).Should().Be((new Uri("/transfer", UriKind.Relative), RcmlHttpMethod.Get));
    }

    [Test]
    public void Dial_WithoutReferUrl_NoneAndMethodPost()
    {
        var dial = RcmlTestDocuments.Clean<DialVerb>("<Dial><Sip>sip:desk@example.com</Sip></Dial>");

        (dial.ReferUrl, dial.ReferMethod).Should().Be(((Uri?)null, RcmlHttpMethod.Post));
    }

    [Test]
    public void Dial_ReferMethodNotHttp_ErrorNamesTheAttribute()
    {
        var result = RcmlTestDocuments.Verbs("<Dial referUrl=\"/t\" referMethod=\"PUT\"><Sip>sip:desk@example.com</Sip></Dial>");

        result.Diagnostics.Should().Contain(d => d.Message.Contains("referMethod", StringComparison.Ordinal), string.Join("; ", result.Diagnostics));
    }

    [Test]
    public void Dial_ReferUrlNotHttp_ErrorNamesTheAttribute()
    {
        var result = RcmlTestDocuments.Verbs("<Dial referUrl=\"ftp://example.com/t\"><Sip>sip:desk@example.com</Sip></Dial>");

        result.Diagnostics.Should().Contain(d => d.Message.Contains("referUrl", StringComparison.Ordinal), string.Join("; ", result.Diagnostics));
    }
}
