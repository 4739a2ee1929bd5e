using RcmlEngine.Sip.Messages;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Messages;

/// <summary>The parser never throws: mutated, truncated and random inputs only ever give an error naming where.</summary>
[TestFixture]
public sealed class SipParserRobustnessTests
{
    [Test]
    public void Parse_MutatedConformanceMessages_NeverThrows()
    {
        var folder = SharedConformance.Require("sip/rfc4475");
        var seeds = Directory.GetFiles(folder, "*.dat").Select(File.ReadAllBytes).ToList();
        var random = new Random(3261);
        var failures = 0;
        for (var i = 0; i < 20000; i++)
        {
            var data = (byte[])seeds[random.Next(seeds.Count)].Clone();
            switch (i % 4)
            {
                case 0:
                    for (var flips = random.Next(1, 8); flips > 0; flips--)
                    {
                        data[random.Next(data.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    data = data[..random.Next(data.Length)];
                    break;
                case 2:
                    random.NextBytes(data);
                    break;
                default:
                    data[random.Next(data.Length)] = (byte)"\r\n:;<>\",@[]= \t"[random.Next(14)];
                    break;
            }

            var result = SipParser.Parse(data, isStream: i % 2 == 0);
            if (!result.Success)
            {
                failures++;
                result.Where.Should().NotBeNullOrEmpty();
                result.Error.Should().NotBeNullOrEmpty();
            }
            else
            {
                // Whatever parses must also write and read back.
                SipParser.Parse(SipWriter.ToBytes(result.Message!)).Success.Should().BeTrue();
            }
        }

        failures.Should().BePositive();
    }

    [TestCase("", "start line")]
    [TestCase("INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n", "headers")]
    [TestCase("INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;;\r\n\r\n", "Via")]
    [TestCase("INVITE sip:a@b SIP/2.0\r\nFrom: <sip:a@b\r\n\r\n", "From")]
    [TestCase("INVITE sip:a@b SIP/2.0\r\nCSeq: x INVITE\r\n\r\n", "CSeq")]
    [TestCase("INVITE sip:a@b SIP/2.0\r\nMax-Forwards: 256\r\n\r\n", "Max-Forwards")]
    [TestCase("INVITE sip:a@b SIP/2.0\r\nCall-ID: a b\r\n\r\n", "Call-ID")]
    [TestCase("INVITE sip:a@b SIP/2.0\r\nno colon here\r\n\r\n", "headers")]
    [TestCase("\u0001\u0002garbage\r\n\r\n", "start line")]
    public void Parse_Malformed_NamesWhereItFailed(string text, string where)
    {
        var result = SipParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        result.Success.Should().BeFalse();
        result.Where.Should().Be(where, result.Describe());
    }

    [Test]
    public void Write_BuiltRequest_ParsesBackWithCompactAndMultiValueHeaders()
    {
        var text = "INVITE sip:bob@example.com;transport=tcp SIP/2.0\r\nv: SIP/2.0/TCP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP [2001:db8::1]:5070;branch=z9hG4bK2;received=192.0.2.1;rport=5071\r\n" +
            "f: \"Alice\" <sip:alice@example.com>;tag=1\r\nt: <sip:bob@example.com>\r\ni: abc@example.com\r\nCSeq: 2 INVITE\r\nm: *\r\n" +
            "k: replaces, timer\r\nRequire: timer\r\nRoute: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\nRecord-Route: <sip:p1.example.com;lr>\r\n" +
            "Max-Forwards: 70\r\nc: application/sdp\r\nl: 4\r\n\r\nv=0\r\n";
        var request = (SipRequest)SipParser.Parse(System.Text.Encoding.ASCII.GetBytes(text)).Message!;
        request.Vias.Should().HaveCount(2);
        request.Vias[1].Host.Should().Be("[2001:db8::1]");
        request.Vias[1].RPort.Should().Be(5071);
        request.From!.DisplayName.Should().Be("Alice");
        request.IsContactWildcard.Should().BeTrue();
        request.OptionTags(SipHeaderNames.Supported).Should().Equal("replaces", "timer");
        request.Routes.Select(r => r.Uri.Host).Should().Equal("p1.example.com", "p2.example.com");
        request.Uri.Transport.Should().Be("tcp");
        request.Body.Length.Should().Be(4);
        var again = SipParser.Parse(SipWriter.ToBytes(request));
        again.Message!.Headers[SipHeaderNames.CallId].Should().Be("abc@example.com");
        SipWriter.ToText(request).Should().Contain("Call-ID: abc@example.com").And.Contain("Content-Length: 4");
    }

    [TestCase("sip:alice:secret@example.com:5070;transport=tcp;lr?subject=hi", "alice", "secret", "example.com", 5070)]
    [TestCase("sips:[2001:db8::1]", null, null, "[2001:db8::1]", null)]
    [TestCase("tel:+1-201-555-0123;phone-context=example.com", "+1-201-555-0123", null, "", null)]
    public void SipUri_Parse_ReadsEveryPartAndWritesItBack(string text, string? user, string? password, string host, int? port)
    {
        SipUri.TryParse(text, out var uri, out var error).Should().BeTrue(error);
        uri.User.Should().Be(user);
        uri.Password.Should().Be(password);
        uri.Host.Should().Be(host);
        uri.Port.Should().Be(port);
        uri.ToString().Should().Be(text);
    }
}
