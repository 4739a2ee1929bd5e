using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Tests.Sip.Messages;

[TestFixture]
public sealed class SipUriHeadersTests
{
    [Test]
    public void Format_ReservedCharactersInValues_AreEscapedPerRfc3261()
    {
        var text = SipUriHeaders.Format([new("User-to-User", "123;encoding=hex"), new("X-Name", "Agent, A & B=ü")]);

        text.Should().Be("User-to-User=123%3Bencoding%3Dhex&X-Name=Agent%2C%20A%20%26%20B%3D%C3%BC");
    }

    [Test]
    public void With_Headers_ReplaceTheUrisOwnAndParseBackToTheSameValues()
    {
        SipUri.TryParse("sip:bob@pbx.example.com;transport=tcp?Subject=dropped", out var uri, out _).Should().BeTrue();

        var referTo = SipUriHeaders.With(uri, [new("X-Foo", "bar"), new("User-to-User", "1;encoding=hex")]);

        referTo.ToString().Should().Be("sip:bob@pbx.example.com;transport=tcp?X-Foo=bar&User-to-User=1%3Bencoding%3Dhex");
        new SipNameAddress(referTo).ToString().Should().StartWith("<sip:bob@").And.EndWith("hex>", "a URI with headers must be in angle brackets");
        Uri.UnescapeDataString(referTo.Headers!.Split('&')[1]).Should().Be("User-to-User=1;encoding=hex");
    }

    [TestCase("SIP/2.0 200 OK\r\n", 200, "OK")]
    [TestCase("SIP/2.0 486 Busy Here\r\nVia: x\r\n", 486, "Busy Here")]
    [TestCase("SIP/2.0 100 Trying", 100, "Trying")]
    [TestCase("", 0, "")]
    [TestCase("hello world", 0, "")]
    [TestCase("SIP/2.0 2000 Huge\r\n", 0, "")]
    public void ReadSipFrag_StatusLine_GivesItsCode(string body, int status, string reason)
    {
        SipCall.ReadSipFrag(Encoding.UTF8.GetBytes(body)).Should().Be((status, reason));
    }
}
