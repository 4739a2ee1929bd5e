using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Sip;

namespace RcmlEngine.Tests.Calls.Dialing;

[TestFixture]
public sealed class DialPlanTests
{
    private static readonly DialPlan Plan = new([
        new TrunkRoute { Name = "any", Host = "10.0.0.1" },
        new TrunkRoute { Name = "us", Prefix = "+1", Host = "us.example.com", Port = 5080, Transport = "tcp", Username = "u", Password = "p", Strip = 2, Prepend = "9" },
        new TrunkRoute { Name = "uk", Prefix = "+44", Host = "::1" },
    ]);

    [TestCase("+1 (555) 123-4567", "us", "sip:95551234567@us.example.com:5080;transport=tcp")]
    [TestCase("+44 20 7946 0000", "uk", "sip:+442079460000@[::1];transport=udp")]
    [TestCase("0612#", "any", "sip:0612%23@10.0.0.1;transport=udp")]
    public void TryRoute_LongestPrefixWins_NumberRewritten(string number, string trunk, string uri)
    {
        Plan.TryRoute(number, out var route, out var target, out var error).Should().BeTrue(error);
        route!.Name.Should().Be(trunk);
        target.Should().Be(uri);
    }

    [Test]
    public void TryRoute_NoTrunk_ClearError()
    {
        DialPlan.Empty.TryRoute("+15551234567", out _, out _, out var error).Should().BeFalse();
        error.Should().Contain("no trunk is configured (Trunks)");
        new DialPlan([new TrunkRoute { Name = "uk", Prefix = "+44", Host = "h" }]).TryRoute("+1555", out _, out _, out error).Should().BeFalse();
        error.Should().Contain("no trunk takes the number '+1555' (prefixes: +44)");
    }

    [Test]
    public void Planner_Number_GoesToItsTrunkWithTheTrunksCredentials()
    {
        var expansion = new SipDialPlanner(Plan, registrar: null).Expand(Request("+15551234567", DialTargetKind.Number));

        var request = expansion.Requests.Should().ContainSingle().Subject;
        request.Kind.Should().Be(DialTargetKind.Sip);
        request.Target.Should().Be("sip:95551234567@us.example.com:5080;transport=tcp");
        (request.Username, request.Password).Should().Be(("u", "p"));
    }

    [TestCase("sip:bob@127.0.0.1;transport=tls", "transport=tls")]
    [TestCase("sips:bob@127.0.0.1", "sips (TLS)")]
    [TestCase("sip:bob@127.0.0.1;transport=sctp", "transport=sctp")]
    public void Planner_SecureTransport_RefusedWithAClearError(string uri, string named)
    {
        var expansion = new SipDialPlanner(Plan, registrar: null).Expand(Request(uri, DialTargetKind.Sip));

        expansion.Failed.Should().BeTrue();
        expansion.Error.Should().Contain(named).And.Contain("use transport=udp or transport=tcp");
    }

    [Test]
    public void Planner_ClientWithoutRegistrar_Fails()
    {
        var expansion = new SipDialPlanner(Plan, registrar: null).Expand(Request("alice", DialTargetKind.Client));

        expansion.Error.Should().Contain("no clients are configured (Clients)");
    }

    [Test]
    public void DialTarget_UriHeaders_OnlyXAndPassedStandardOnes_LimitsApplied()
    {
        SipDialTarget.TryParse("sip:bob@127.0.0.1:5062;transport=tcp?X-Customer=42&User-to-User=abc%3Bencoding%3Dhex&Route=%3Csip:evil%3E&X-Bad=a%0D%0AVia:x",
            out var target, out var headers, out var error).Should().BeTrue(error);
        target.ToString().Should().Be("sip:bob@127.0.0.1:5062;transport=tcp");
        headers.Should().Equal(new("X-Customer", "42"), new KeyValuePair<string, string>("User-to-User", "abc;encoding=hex"));
        SipDialTarget.TryParse("sip:" + new string('a', 300) + "@h", out _, out _, out error).Should().BeFalse();
        error.Should().Contain("the limit is 255");
        SipDialTarget.TryParse("sip:a@h?X-A=" + new string('v', 1100), out _, out _, out error).Should().BeFalse();
        error.Should().Contain("the limit is 1024");
    }

    private static DialRequest Request(string target, DialTargetKind kind) => new()
    {
        Target = target,
        Kind = kind,
        Info = new CallInfo { CallSid = TwilioSid.NewCallSid(), AccountSid = "AC0", From = "+1", To = target },
    };
}
