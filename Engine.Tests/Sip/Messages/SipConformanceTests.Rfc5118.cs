namespace RcmlEngine.Tests.Sip.Messages;

public sealed partial class SipConformanceTests
{
    private static readonly Dictionary<string, Action<byte[]>> Rfc5118 = new()
    {
        ["ipv6-good"] = d => ParsesRequest(d).Uri.Host.Should().Be("[2001:db8::10]"),
        ["ipv6-bad"] = d => Rejected(d, "start line"),
        ["port-ambiguous"] = d =>
        {
            var uri = ParsesRequest(d).Uri;
            uri.Host.Should().Be("[2001:db8::10:5070]", "the last group inside the brackets belongs to the address");
            uri.Port.Should().BeNull();
        },
        ["port-unambiguous"] = d =>
        {
            var uri = ParsesRequest(d).Uri;
            uri.Host.Should().Be("[2001:db8::10]");
            uri.Port.Should().Be(5070);
        },
        ["via-received-param-with-delim"] = d => ParsesRequest(d).TopVia!.Received.Should().Be("[2001:db8::9:255]"),
        ["via-received-param-no-delim"] = d => ParsesRequest(d).TopVia!.Received.Should().Be("2001:db8::9:255"),
        ["mult-ip-in-header"] = d =>
        {
            var vias = ParsesRequest(d).Vias;
            vias.Select(v => v.Host).Should().Equal("[2001:db8::9:1]", "192.0.2.1", "[2001:db8::9:255]");
            vias[0].Port.Should().Be(6050);
            vias[2].Received.Should().Be("192.0.2.200");
        },
        ["mult-ip-in-sdp"] = d => ParsesRequest(d).Body.Length.Should().BeGreaterThan(0),
        ["ipv4-mapped-ipv6"] = d =>
        {
            var r = ParsesRequest(d);
            r.TopVia!.Host.Should().Be("[::ffff:192.0.2.10]");
            r.TopVia.Port.Should().Be(19823);
            r.Contacts.Single().Uri.Host.Should().Be("[::ffff:192.0.2.2]");
        },
        ["ipv6-in-sdp"] = d => ParsesRequest(d).ContentType.Should().Be("application/sdp"),
        ["ipv6-bug-abnf-3-colons"] = d => ParsesRequest(d).Uri.Host.Should().Be("[2001:db8:::192.0.2.1]", "RFC 5118 4.4: be liberal"),
        ["ipv6-correct-abnf-2-colons"] = d => ParsesRequest(d).To!.Uri.Host.Should().Be("[2001:db8::192.0.2.1]"),
    };
}
