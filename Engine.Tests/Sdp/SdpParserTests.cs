using RcmlEngine.Sdp;

namespace RcmlEngine.Tests.Sdp;

[TestFixture]
public sealed class SdpParserTests
{
    private const string TwoStreams =
        "v=0\r\n" +
        "o=alice 2890844526 2890844527 IN IP4 198.51.100.1\r\n" +
        "s=call\r\n" +
        "c=IN IP4 198.51.100.1\r\n" +
        "b=AS:64\r\n" +
        "t=0 0\r\n" +
        "a=sendrecv\r\n" +
        "m=audio 49170 RTP/AVP 0 8 97 101\r\n" +
        "a=rtpmap:97 iLBC/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:30\r\n" +
        "m=video 51372 RTP/AVP 31\r\n" +
        "c=IN IP6 2001:db8::2\r\n" +
        "a=recvonly\r\n";

    [Test]
    public void TryParse_TwoMediaSections_ReadsSessionAndMediaLines()
    {
        SdpParser.TryParse(TwoStreams, out var sdp, out var error).Should().BeTrue(error?.ToString());

        sdp!.Origin.Should().Be(new SdpOrigin("alice", "2890844526", 2890844527, "IN", "IP4", "198.51.100.1"));
        sdp.SessionName.Should().Be("call");
        sdp.Connection!.Address.Should().Be("198.51.100.1");
        sdp.Direction.Should().Be(SdpDirection.SendRecv);
        sdp.OtherLines.Should().ContainSingle().Which.Should().Be(new SdpLine('b', "AS:64"));
        sdp.Media.Should().HaveCount(2);

        var audio = sdp.Media[0];
        audio.Port.Should().Be(49170);
        audio.Formats.Should().Equal("0", "8", "97", "101");
        audio.RtpMaps[101].EncodingName.Should().Be("telephone-event");
        audio.FormatParameters(101).Should().Be("0-15");
        audio.AttributeValue("ptime").Should().Be("30");
        sdp.ConnectionFor(audio)!.Address.Should().Be("198.51.100.1");

        var video = sdp.Media[1];
        video.Connection!.AddressType.Should().Be("IP6");
        video.Connection.IPAddress.Should().Be(System.Net.IPAddress.Parse("2001:db8::2"));
        sdp.DirectionFor(video).Should().Be(SdpDirection.RecvOnly);
    }

    [Test]
    public void TryParse_BareLineFeeds_AreAccepted()
    {
        SdpParser.TryParse(TwoStreams.Replace("\r\n", "\n", StringComparison.Ordinal), out var sdp, out _).Should().BeTrue();
        sdp!.Media.Should().HaveCount(2);
    }

    [Test]
    public void TryParse_WriterOutput_RoundTrips()
    {
        SdpParser.TryParse(TwoStreams, out var sdp, out _).Should().BeTrue();
        var written = SdpWriter.Write(sdp!);

        written.Should().Be(TwoStreams);
    }

    [TestCase("o=x 1 1 IN IP4 192.0.2.1\r\nv=0\r\n", 1, "the first line must be v=0")]
    [TestCase("v=1\r\n", 1, "unsupported SDP version")]
    [TestCase("v=0\r\no=x 1 IN IP4 192.0.2.1\r\n", 2, "o= needs 6 fields")]
    [TestCase("v=0\r\no=x 1 one IN IP4 192.0.2.1\r\n", 2, "session version \"one\" is not a number")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4\r\n", 4, "c= needs 3 fields")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IPX 1.2.3.4\r\n", 4, "neither IP4 nor IP6")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio abc RTP/AVP 0\r\n", 5, "port \"abc\" is not a number")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\n", 5, "port \"70000\"")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000\r\n", 5, "m= needs at least 3 fields")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:zero PCMU/8000\r\n", 6, "rtpmap must be")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=ptime:twenty\r\n", 6, "ptime must be")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\nthis is not sdp\r\n", 3, "expected <type>=<value>")]
    [TestCase("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nt=0 0\r\n", 6, "t= belongs to the session section")]
    public void TryParse_MalformedLine_NamesTheLine(string text, int line, string message)
    {
        SdpParser.TryParse(text, out var sdp, out var error).Should().BeFalse();

        sdp.Should().BeNull();
        error!.LineNumber.Should().Be(line);
        error.Message.Should().Contain(message);
        error.ToString().Should().StartWith($"SDP line {line} \"");
    }

    [TestCase("")]
    [TestCase("\r\n\r\n")]
    public void TryParse_EmptyBody_SaysSo(string text)
    {
        SdpParser.TryParse(text, out _, out var error).Should().BeFalse();
        error!.ToString().Should().Be("SDP: the body is empty or has no v= line");
    }

    [Test]
    public void TryParse_NoOrigin_SaysItIsMissing()
    {
        SdpParser.TryParse("v=0\r\ns=-\r\n", out _, out var error).Should().BeFalse();
        error!.Message.Should().Be("the o= line is missing");
    }

    [Test]
    public void TryParse_MulticastConnection_DropsTtlSuffix()
    {
        SdpParser.TryParse("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 233.252.0.1/127\r\nt=0 0\r\n", out var sdp, out _).Should().BeTrue();
        sdp!.Connection!.Address.Should().Be("233.252.0.1");
    }

    [Test]
    public void TryParse_UnknownLineTypes_AreKeptAndIgnored()
    {
        const string text = "v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\ny=whatever\r\nm=audio 4000 RTP/AVP 0\r\nk=prompt\r\n";
        SdpParser.TryParse(text, out var sdp, out _).Should().BeTrue();
        sdp!.OtherLines.Should().ContainSingle().Which.Type.Should().Be('y');
        sdp.Media[0].OtherLines.Should().ContainSingle().Which.Type.Should().Be('k');
    }
}
