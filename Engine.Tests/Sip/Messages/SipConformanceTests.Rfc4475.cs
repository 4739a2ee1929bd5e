using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Tests.Sip.Messages;

public sealed partial class SipConformanceTests
{
    private static readonly Dictionary<string, Action<byte[]>> Rfc4475 = new()
    {
        // 3.1.1 valid messages.
        ["wsinv.dat"] = d =>
        {
            var r = ParsesRequest(d);
            r.To!.Tag.Should().Be("1918181833n");
            r.From!.DisplayName.Should().Be("J Rosenberg \\\"");
            r.From.Tag.Should().Be("98asjd8");
            r.MaxForwards.Should().Be(68);
            r.CSeq.Should().Be(new SipCSeq(9, "INVITE"));
            r.Vias.Select(v => v.Transport).Should().Equal("UDP", "TCP", "UDP");
            r.Vias[1].Branch.Should().Be("z9hG4bK9ikj8");
            r.Headers["NewFangledHeader"].Should().Be("newfangled value continued newfangled value");
            r.Contacts.Single().Parameters["q"].Should().Be("0.33");
            r.Routes.Single().Uri.Parameters.Contains("lr").Should().BeTrue();
            UasRequestCheck.Check(r).Should().BeNull();
        },
        ["intmeth.dat"] = d =>
        {
            var r = ParsesRequest(d);
            r.Method.Should().Be("!interesting-Method0123456789_*+`.%indeed'~");
            r.Uri.Password.Should().Be("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
            r.To!.DisplayName.Should().Be("BEL:\a NUL:\0 DEL:\x7f");
            UasRequestCheck.Check(r)!.StatusCode.Should().Be(405, "an unknown method is answered, never dropped");
        },
        ["esc01.dat"] = d => ParsesRequest(d).Uri.UnescapedUser.Should().Be("sips:user@example.com"),
        ["escnull.dat"] = d => ParsesRequest(d).Contacts.Select(c => c.Uri.User).Should().Equal("%00", "%00%00"),
        ["esc02.dat"] = d =>
        {
            var r = ParsesRequest(d);
            r.Method.Should().Be("RE%47IST%45R", "% is a token character, not an escape, in a method");
            r.Contacts.Should().HaveCount(2, "C%6Fntact is an extension header, not Contact");
            UasRequestCheck.Check(r)!.StatusCode.Should().Be(405);
        },
        ["lwsdisp.dat"] = d => ParsesRequest(d).From!.DisplayName.Should().Be("caller"),
        ["longreq.dat"] = d =>
        {
            var r = ParsesRequest(d);
            r.Vias.Should().HaveCount(34);
            r.CallId!.Length.Should().BeGreaterThan(100);
            UasRequestCheck.Check(r).Should().BeNull();
        },
        ["dblreq.dat"] = d =>
        {
            var r = ParsesRequest(d);
            r.Method.Should().Be("REGISTER", "only the first message of the datagram counts");
            r.Body.Length.Should().Be(0);
        },
        ["semiuri.dat"] = d => ParsesRequest(d).Uri.User.Should().Be("user;par=u%40example.net"),
        ["transports.dat"] = d => ParsesRequest(d).Vias.Select(v => v.Transport).Should().Equal("UDP", "SCTP", "TLS", "UNKNOWN", "TCP"),
        ["mpart01.dat"] = d =>
        {
            var r = ParsesRequest(d);
            r.ContentType.Should().StartWith("multipart/mixed");
            var bodyStart = d.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
            r.Body.ToArray().Should().Equal(d[bodyStart..(bodyStart + 553)], "multipart bodies pass through untouched");
        },
        ["unreason.dat"] = d => Parses(d).Should().BeOfType<SipResponse>().Which.ReasonPhrase.Should().Contain("2**3").And.Contain("\u043d"),
        ["noreason.dat"] = d => Parses(d).Should().BeOfType<SipResponse>().Which.ReasonPhrase.Should().BeEmpty(),

        // 3.1.2 invalid messages.
        ["badinv01.dat"] = d => Rejected(d, "Via", 400),
        ["clerr.dat"] = d => Rejected(d, "Content-Length", 400),
        ["ncl.dat"] = d => Rejected(d, "Content-Length", 400),
        ["scalar02.dat"] = d => Rejected(d, "CSeq", 400),
        ["scalarlg.dat"] = d => Rejected(d, "CSeq"),
        ["quotbal.dat"] = d => Rejected(d, "To", 400),
        ["ltgtruri.dat"] = d => Rejected(d, "start line"),
        ["lwsruri.dat"] = d => Rejected(d, "start line"),
        ["lwsstart.dat"] = d => Rejected(d, "start line"),
        ["trws.dat"] = d => Rejected(d, "start line"),
        ["escruri.dat"] = d => Rejected(d, "start line", 400),
        ["baddate.dat"] = d =>
        {
            var r = ParsesRequest(d);
            SipDate.TryParse(r.Headers[SipHeaderNames.Date]!, out _).Should().BeFalse("a SIP Date is always GMT");
            UasRequestCheck.Check(r).Should().BeNull("the message may be processed");
        },
        ["regbadct.dat"] = d => Rejected(d, "Contact", 400),
        ["badaspec.dat"] = d => Rejected(d, "To", 400),
        ["baddn.dat"] = d => Rejected(d, "From", 400),
        ["badvers.dat"] = d => Rejected(d, "start line", 505),
        ["mismatch01.dat"] = d => Rejected(d, "CSeq", 400),
        ["mismatch02.dat"] = d => Rejected(d, "CSeq", 400),
        ["bigcode.dat"] = d => Rejected(d, "start line"),

        // 3.2 transaction layer, 3.3 application layer semantics.
        ["badbranch.dat"] = d => ParsesRequest(d).TopVia!.Branch.Should().Be("z9hG4bK"),
        ["insuf.dat"] = d => UasAnswers(d, 400),
        ["unkscm.dat"] = d => UasAnswers(d, 416),
        ["novelsc.dat"] = d => UasAnswers(d, 416),
        ["unksm2.dat"] = d => UasAnswers(d, null),
        ["bext01.dat"] = d =>
        {
            UasAnswers(d, 420);
            UasRequestCheck.Check(ParsesRequest(d))!.Headers[SipHeaderNames.Unsupported]
                .Should().Be("nothingSupportsThis, nothingSupportsThisEither");
        },
        ["invut.dat"] = d => UasAnswers(d, 415),
        ["regaut01.dat"] = d => UasAnswers(d, null),
        ["multi01.dat"] = d => UasAnswers(d, 400),
        ["mcl01.dat"] = d => Rejected(d, "Content-Length", 400),
        ["bcast.dat"] = d => UacResponseCheck.DropReason(Parses(d).Should().BeOfType<SipResponse>().Subject).Should().NotBeNull(),
        ["zeromf.dat"] = d => UasAnswers(d, null),
        ["cparam01.dat"] = d => ParsesRequest(d).Contacts.Single().Parameters.Contains("unknownparam").Should().BeTrue(),
        ["cparam02.dat"] = d => ParsesRequest(d).Contacts.Single().Uri.Parameters.Contains("unknownparam").Should().BeTrue(),
        ["regescrt.dat"] = d => ParsesRequest(d).Contacts.Single().Uri.Headers.Should().Be("Route=%3Csip:sip.example.com%3E"),
        ["sdp01.dat"] = d => UasAnswers(d, 406),
        ["inv2543.dat"] = d =>
        {
            var r = ParsesRequest(d);
            r.TopVia!.Branch.Should().BeNull();
            Encoding.ASCII.GetString(r.Body.Span).Should().StartWith("v=0");
            UasRequestCheck.Check(r).Should().BeNull();
        },
    };
}
