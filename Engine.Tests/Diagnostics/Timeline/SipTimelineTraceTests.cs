using System.Net;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Diagnostics.Timeline;
using RcmlEngine.Hosting.Inspector;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Tests.Diagnostics.Timeline;

[TestFixture]
public sealed class SipTimelineTraceTests
{
    [Test]
    public void OnMessage_InviteBeforeTheCallBegins_AdoptedWithCredentialsMasked()
    {
        var timelines = new CallTimelines(new FakeTimeProvider());
        var trace = new SipTimelineTrace(timelines);
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("ivr", "127.0.0.1"));
        invite.Headers.Add("Call-ID", "abc@host");
        invite.Headers.Add("CSeq", "1 INVITE");
        invite.Headers.Add("Authorization", "Digest username=\"alice\", response=\"0123456789abcdef\"");
        var remote = new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070));

        trace.OnMessage(invite, outgoing: false, remote);
        var timeline = timelines.Begin("CA1", "AC1", null, "abc@host");

        var entry = timeline.Events.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(CallEventKind.SipIn);
        entry.Title.Should().Be("← INVITE sip:ivr@127.0.0.1 from UDP 127.0.0.1:5070");
        entry.Detail.Should().Contain("Authorization: Digest ********").And.NotContain("alice").And.NotContain("0123456789abcdef");
    }
}
