using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Tests.Rcml.Ast;

[TestFixture]
public sealed class RcmlSipUriTests
{
    [Test]
    public void TryParse_FullUri_SplitsEveryPart()
    {
        var ok = RcmlSipUri.TryParse("sip:bob@example.com:5070;transport=tcp;lr?X-Acct=42&User-to-User=ab%3Bencoding%3Dhex", out var uri, out var error);

        ok.Should().BeTrue(error);
        uri!.Scheme.Should().Be(SipUriScheme.Sip);
        uri.User.Should().Be("bob");
        uri.Host.Should().Be("example.com");
        uri.Port.Should().Be(5070);
        uri.Transport.Should().Be("tcp");
        uri.Parameters.Should().Equal(new KeyValuePair<string, string?>("transport", "tcp"), new KeyValuePair<string, string?>("lr", null));
        uri.Headers.Should().Equal(new KeyValuePair<string, string>("X-Acct", "42"), new KeyValuePair<string, string>("User-to-User", "ab;encoding=hex"));
        uri.HeadersLength.Should().Be("X-Acct=42&User-to-User=ab%3Bencoding%3Dhex".Length);
        uri.AddressLength.Should().Be("sip:bob@example.com:5070;transport=tcp;lr".Length);
    }

    [Test]
    public void TryParse_SipsWithIPv6AndPort_ParsesHostWithoutBrackets()
    {
        RcmlSipUri.TryParse("sips:alice@[2001:db8::10]:5061", out var uri, out _).Should().BeTrue();

        uri!.Scheme.Should().Be(SipUriScheme.Sips);
        uri.Host.Should().Be("2001:db8::10");
        uri.IsIPv6Host.Should().BeTrue();
        uri.Port.Should().Be(5061);
    }

    [TestCase("sip:example.com", null, "example.com")]
    [TestCase("SIP:Alice@Example.COM", "Alice", "Example.COM")]
    [TestCase("sip:+15551234567@10.0.0.1", "+15551234567", "10.0.0.1")]
    [TestCase("sip:alice:secret@example.com.", "alice", "example.com.")]
    [TestCase("  sip:alice@example.com  ", "alice", "example.com")]
    public void TryParse_ValidForms_ParseUserAndHost(string text, string? user, string host)
    {
        RcmlSipUri.TryParse(text, out var uri, out var error).Should().BeTrue(error);

        uri!.User.Should().Be(user);
        uri.Host.Should().Be(host);
        uri.Text.Should().Be(text.Trim());
    }

    [TestCase("", "empty")]
    [TestCase("alice@example.com", "does not start with 'sip:'")]
    [TestCase("tel:+15551234567", "does not start with 'sip:'")]
    [TestCase("sip:", "host is missing")]
    [TestCase("sip:@example.com", "user part")]
    [TestCase("sip:alice@", "host is missing")]
    [TestCase("sip:alice@exa mple.com", "contains ' '")]
    [TestCase("sip:alice@example.com:0", "port")]
    [TestCase("sip:alice@example.com:70000", "port")]
    [TestCase("sip:alice@example.com:", "port")]
    [TestCase("sip:alice@[2001:db8::1", "closing ']'")]
    [TestCase("sip:alice@[not-ipv6]", "not an IPv6 address")]
    [TestCase("sip:alice@-bad-.com", "not a host name")]
    [TestCase("sip:alice@example..com", "not a host name")]
    [TestCase("sip:alice@example.com;=x", "no name")]
    [TestCase("sip:alice@example.com?=x", "no name")]
    [TestCase("sip:alice@example.com?X-A=a b", "contains ' '")]
    [TestCase("sip:al<ce@example.com", "user part contains '<'")]
    public void TryParse_InvalidForms_ExplainWhy(string text, string reason)
    {
        RcmlSipUri.TryParse(text, out var uri, out var error).Should().BeFalse();

        uri.Should().BeNull();
        error.Should().Contain(reason);
    }
}
