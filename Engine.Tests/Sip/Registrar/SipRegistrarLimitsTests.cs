using System.Net;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Tests.Sip.Registrar;

/// <summary>Intervals too brief, caps, q ordering, instance IDs, bad input and the recorded source.</summary>
[TestFixture]
public sealed class SipRegistrarLimitsTests
{
    private const string Desk = "<sip:alice@127.0.0.1:40000>";

    [Test]
    public void Handle_IntervalUnderTheMinimum_423WithMinExpiresAndNothingStored()
    {
        using var harness = new RegistrarHarness(o => o with { MinExpires = TimeSpan.FromSeconds(60) });

        var response = harness.Register(RegistrarHarness.NewRegister(expires: "30", contacts: Desk));

        response.StatusCode.Should().Be(423);
        response.ReasonPhrase.Should().Be("Interval Too Brief");
        response.Headers[SipHeaderNames.MinExpires].Should().Be("60");
        harness.Registrar.Lookup("alice").Should().BeEmpty();
    }

    [Test]
    public void Handle_OneContactTooBriefAmongGoodOnes_423AndNoneStored()
    {
        using var harness = new RegistrarHarness();

        var response = harness.Register(RegistrarHarness.NewRegister(contacts: [Desk, "<sip:alice@127.0.0.1:40002>;expires=10"]));

        response.StatusCode.Should().Be(423);
        harness.Registrar.Lookup("alice").Should().BeEmpty();
    }

    [Test]
    public void Handle_ExpiresZeroIsNotTooBrief_RemovesInstead()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(cseq: 1, contacts: Desk));

        harness.Register(RegistrarHarness.NewRegister(cseq: 2, expires: "0", contacts: Desk)).StatusCode.Should().Be(200);
        harness.Registrar.Lookup("alice").Should().BeEmpty();
    }

    [Test]
    public void Lookup_SeveralQValues_HighestFirstAbsentCountsAsOneThenNewestFirst()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "a", contacts: "<sip:alice@127.0.0.1:1>;q=0.5"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Register(RegistrarHarness.NewRegister(callId: "b", contacts: "<sip:alice@127.0.0.1:2>"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Register(RegistrarHarness.NewRegister(callId: "c", contacts: "<sip:alice@127.0.0.1:3>;q=0.9"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Register(RegistrarHarness.NewRegister(callId: "d", contacts: "<sip:alice@127.0.0.1:4>;q=1.0"));

        harness.Registrar.Lookup("alice").Select(b => b.ContactUri.Port).Should().Equal(4, 2, 3, 1);
    }

    [Test]
    public void Handle_MoreBindingsThanTheCap_503AndTheExistingOnesStillRefresh()
    {
        using var harness = new RegistrarHarness(o => o with { MaxBindingsPerUser = 2 });
        harness.Register(RegistrarHarness.NewRegister(callId: "one", contacts: "<sip:alice@127.0.0.1:1>"));
        harness.Register(RegistrarHarness.NewRegister(callId: "two", contacts: "<sip:alice@127.0.0.1:2>"));

        var third = harness.Register(RegistrarHarness.NewRegister(callId: "three", contacts: "<sip:alice@127.0.0.1:3>"));

        third.StatusCode.Should().Be(503);
        harness.Registrar.Lookup("alice").Should().HaveCount(2);
        harness.Register(RegistrarHarness.NewRegister(callId: "two", cseq: 2, contacts: "<sip:alice@127.0.0.1:2>")).StatusCode.Should().Be(200);
    }

    [Test]
    public void Handle_MoreNamesThanTheCap_503UntilAnotherNamesBindingsExpire()
    {
        using var harness = new RegistrarHarness(o => o with { MaxUsers = 1 });
        harness.Register(RegistrarHarness.NewRegister(user: "alice", expires: "120", contacts: Desk)).StatusCode.Should().Be(200);

        harness.Register(RegistrarHarness.NewRegister(user: "bob", contacts: "<sip:bob@127.0.0.1:40001>")).StatusCode.Should().Be(503);

        harness.Time.Advance(TimeSpan.FromSeconds(120));
        harness.Register(RegistrarHarness.NewRegister(user: "bob", cseq: 2, contacts: "<sip:bob@127.0.0.1:40001>")).StatusCode.Should().Be(200);
        harness.Changes.Should().Contain(c => c.Change == RegistrationChange.Expired && c.User == "alice");
    }

    [Test]
    public void Handle_SameInstanceWithANewContactUri_ReplacesTheBindingInsteadOfAddingOne()
    {
        // baresip writes a new Contact user on every start but keeps its +sip.instance (RFC 5626 4.1).
        using var harness = new RegistrarHarness();
        const string Instance = ";+sip.instance=\"<urn:uuid:dac2965f-30fc-fa1e-5f4d-094e3724d42f>\"";
        harness.Register(RegistrarHarness.NewRegister(callId: "boot-1", contacts: "<sip:alice-0x1@127.0.0.1:40000>" + Instance));

        harness.Register(RegistrarHarness.NewRegister(callId: "boot-2", contacts: "<sip:alice-0x2@127.0.0.1:40000>" + Instance));

        harness.Registrar.Lookup("alice").Should().ContainSingle().Which.ContactUri.User.Should().Be("alice-0x2");
    }

    [TestCase("<sip:alice@127.0.0.1>;expires=soon", "expires")]
    [TestCase("<sip:alice@127.0.0.1>;q=1.5", "q")]
    [TestCase("<tel:+15551234>", "scheme")]
    [TestCase("<sip:alice@127.0.0.1", "Contact 1")]
    public void Handle_MalformedContact_400NamingIt(string contact, string named)
    {
        using var harness = new RegistrarHarness();

        var response = harness.Register(RegistrarHarness.NewRegister(contacts: contact));

        response.StatusCode.Should().Be(400);
        response.ReasonPhrase.Should().Contain(named);
    }

    [Test]
    public void Handle_NoCSeq_400WithoutTouchingTheBindings()
    {
        using var harness = new RegistrarHarness();
        var request = RegistrarHarness.NewRegister(contacts: Desk);
        request.Headers.Remove(SipHeaderNames.CSeq);

        harness.Send(request).StatusCode.Should().Be(400);
        harness.Registrar.UserCount.Should().Be(0);
    }

    [Test]
    public void Handle_MalformedExpiresHeader_400()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(expires: "-5", contacts: Desk)).ReasonPhrase.Should().Contain("Expires");
    }

    [Test]
    public void Handle_RegisterFromBehindANat_BindingKeepsTheRealSourceAsItsFlow()
    {
        using var harness = new RegistrarHarness();
        var nat = new SipRemote(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 61001), ConnectionId: 42);

        harness.Register(RegistrarHarness.NewRegister(contacts: "<sip:alice@192.168.1.20:5060;transport=tcp>"), nat);

        var binding = harness.Registrar.Lookup("alice").Single();
        binding.SourceEndPoint.Should().Be(nat.EndPoint);
        binding.Transport.Should().Be(SipTransportKind.Tcp);
        binding.Source.ConnectionId.Should().Be(42);
        binding.Flow.Should().Be(new SipDestination(SipTransportKind.Tcp, nat.EndPoint, TransportExplicit: true));
        binding.ContactDiffersFromSource.Should().BeTrue();
    }

    [Test]
    public void Changed_SubscriberThrows_TheRegisterIsStillAnswered200()
    {
        using var harness = new RegistrarHarness();
        harness.Registrar.Changed += (_, _) => throw new InvalidOperationException("subscriber bug");

        harness.Register(RegistrarHarness.NewRegister(contacts: Desk)).StatusCode.Should().Be(200);
        harness.Registrar.Lookup("alice").Should().ContainSingle();
    }

    [Test]
    public void Options_MinimumOverAnHour_Refused()
    {
        var options = new SipRegistrarOptions(_ => null) { MinExpires = TimeSpan.FromHours(2), MaxExpires = TimeSpan.FromHours(3), DefaultExpires = TimeSpan.FromHours(2) };
        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*MinExpires*");
    }
}
