using System.Text;
using BenchmarkDotNet.Attributes;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Benchmarks;

/// <summary>
/// Parse and write of a typical carrier INVITE with SDP (972 bytes, 14 headers). Target: 200,000
/// parses per second on one core. Figures go to docs/performance.md, "SIP messages and call load".
/// </summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private const string Invite =
        "INVITE sip:+14155550123@engine.example.com:5060;transport=udp SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 203.0.113.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bKnashds8;received=198.51.100.7\r\n" +
        "Max-Forwards: 69\r\n" +
        "From: \"Alice Caller\" <sip:+12125550199@carrier.example.net;user=phone>;tag=1928301774\r\n" +
        "To: <sip:+14155550123@engine.example.com;user=phone>\r\n" +
        "Call-ID: a84b4c76e66710@pc33.carrier.example.net\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:+12125550199@203.0.113.10:5060;transport=udp>\r\n" +
        "Record-Route: <sip:203.0.113.10;lr;ftag=1928301774>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: CarrierSBC/4.2\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 238\r\n\r\n" +
        "v=0\r\no=- 3875630416 3875630416 IN IP4 203.0.113.10\r\ns=-\r\nc=IN IP4 203.0.113.10\r\nt=0 0\r\n" +
        "m=audio 31000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    private byte[] _bytes = [];
    private SipMessage _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Encoding.ASCII.GetBytes(Invite);
        var result = SipParser.Parse(_bytes);
        _message = result.Message ?? throw new InvalidOperationException(result.Describe());
    }

    /// <summary>Parse and validate one INVITE (start line, every header, Via/From/To/CSeq typed).</summary>
    [Benchmark]
    public bool ParseInvite() => SipParser.Parse(_bytes).Success;

    /// <summary>Write one INVITE to bytes.</summary>
    [Benchmark]
    public int WriteInvite() => SipWriter.ToBytes(_message).Length;
}
