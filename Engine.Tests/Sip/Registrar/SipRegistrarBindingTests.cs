using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Tests.Sip.Registrar;

/// <summary>RFC 3261 10.3 steps 6 to 8: adding, refreshing, expiring and removing bindings.</summary>
[TestFixture]
public sealed class SipRegistrarBindingTests
{
    private const string Desk = "<sip:alice@127.0.0.1:40000>";
    private const string Mobile = "<sip:alice@127.0.0.1:40002>";

    [Test]
    public void Lookup_BindingReachesItsExpiry_GoneWithoutAnySweep()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(expires: "120", contacts: Desk)).StatusCode.Should().Be(200);

        harness.Time.Advance(TimeSpan.FromSeconds(119));
        harness.Registrar.Lookup("alice").Should().ContainSingle().Which.RemainingSeconds(harness.Time.GetUtcNow()).Should().Be(1);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Registrar.Lookup("alice").Should().BeEmpty();
    }

    [Test]
    public void Sweep_OnTheTimerQueue_ReportsExpiredBindingsAndForgetsTheName()
    {
        using var harness = new RegistrarHarness(o => o with { SweepInterval = TimeSpan.FromSeconds(30) });
        using var queue = new SipTimerQueue(harness.Time);
        harness.Registrar.StartSweeping(queue);
        harness.Register(RegistrarHarness.NewRegister(expires: "70", contacts: Desk));
        harness.Changes.Clear();

        harness.Time.Advance(TimeSpan.FromSeconds(60));
        harness.Changes.Should().BeEmpty("the binding lasts 70 s");
        harness.Registrar.UserCount.Should().Be(1);

        harness.Time.Advance(TimeSpan.FromSeconds(40));
        harness.Changes.Should().ContainSingle().Which.Change.Should().Be(RegistrationChange.Expired);
        harness.Registrar.UserCount.Should().Be(0);
    }

    [Test]
    public void Handle_NoExpiresAnywhere_DefaultOfAnHour()
    {
        using var harness = new RegistrarHarness();
        RegistrarHarness.ListedExpires(harness.Register(RegistrarHarness.NewRegister(contacts: Desk))).Values.Should().Equal(3600);
    }

    [Test]
    public void Handle_ContactExpiresAndExpiresHeader_TheContactParameterWinsAndTheMaximumCaps()
    {
        using var harness = new RegistrarHarness(o => o with { MaxExpires = TimeSpan.FromSeconds(7200) });
        var response = harness.Register(RegistrarHarness.NewRegister(expires: "300", contacts: [Desk + ";expires=900", Mobile + ";expires=86400"]));

        RegistrarHarness.ListedExpires(response).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["sip:alice@127.0.0.1:40000"] = 900,
            ["sip:alice@127.0.0.1:40002"] = 7200,
        });
    }

    [Test]
    public void Handle_SecondContactLater_200ListsBothWithWhatRemainsOfEach()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "desk", expires: "600", contacts: Desk));
        harness.Time.Advance(TimeSpan.FromSeconds(100));

        var response = harness.Register(RegistrarHarness.NewRegister(callId: "mobile", expires: "300", contacts: Mobile));

        RegistrarHarness.ListedExpires(response).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["sip:alice@127.0.0.1:40000"] = 500,
            ["sip:alice@127.0.0.1:40002"] = 300,
        });
        harness.Registrar.Lookup("alice").Should().HaveCount(2);
    }

    [Test]
    public void Handle_RefreshSameCallIdHigherCSeq_ExpiryExtendedAndReportedAsRefresh()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(cseq: 1, expires: "300", contacts: Desk));
        harness.Time.Advance(TimeSpan.FromSeconds(250));

        var response = harness.Register(RegistrarHarness.NewRegister(cseq: 2, expires: "300", contacts: Desk));

        response.StatusCode.Should().Be(200);
        var binding = harness.Registrar.Lookup("alice").Should().ContainSingle().Subject;
        binding.ExpiresAt.Should().Be(harness.Time.GetUtcNow().AddSeconds(300));
        binding.CSeq.Should().Be(2);
        harness.Changes.Select(c => c.Change).Should().Equal(RegistrationChange.Added, RegistrationChange.Refreshed);
    }

    [TestCase(5)]
    [TestCase(4)]
    public void Handle_SameCallIdCSeqNotHigher_500AndTheBindingUntouched(long cseq)
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(cseq: 5, expires: "300", contacts: Desk));

        var response = harness.Register(RegistrarHarness.NewRegister(cseq: cseq, expires: "0", contacts: Desk));

        response.StatusCode.Should().Be(500);
        response.ReasonPhrase.Should().Contain("CSeq");
        harness.Registrar.Lookup("alice").Should().ContainSingle().Which.CSeq.Should().Be(5);
    }

    [Test]
    public void Handle_SameContactFromAnotherCallId_UpdatedWhateverItsCSeq()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "old-boot", cseq: 50, expires: "300", contacts: Desk));

        harness.Register(RegistrarHarness.NewRegister(callId: "new-boot", cseq: 1, expires: "900", contacts: Desk)).StatusCode.Should().Be(200);

        harness.Registrar.Lookup("alice").Should().ContainSingle().Which.CallId.Should().Be("new-boot");
    }

    [Test]
    public void Handle_OneOfTwoContactsOutOfOrder_NeitherChangeIsMade()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "a", cseq: 9, expires: "300", contacts: Desk));

        var response = harness.Register(RegistrarHarness.NewRegister(callId: "a", cseq: 3, expires: "300", contacts: [Mobile, Desk]));

        response.StatusCode.Should().Be(500);
        harness.Registrar.Lookup("alice").Select(b => b.ContactUri.ToString()).Should().Equal("sip:alice@127.0.0.1:40000");
    }

    [Test]
    public void Handle_ContactExpiresZero_RemovesOnlyThatBinding()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "x", cseq: 1, contacts: [Desk, Mobile]));

        var response = harness.Register(RegistrarHarness.NewRegister(callId: "x", cseq: 2, contacts: Mobile + ";expires=0"));

        RegistrarHarness.ListedExpires(response).Keys.Should().Equal("sip:alice@127.0.0.1:40000");
        harness.Changes.Last().Change.Should().Be(RegistrationChange.Removed);
        harness.Changes.Last().Binding.ContactUri.Port.Should().Be(40002);
    }

    [Test]
    public void Handle_StarWithExpiresZero_RemovesEveryBinding()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "desk", contacts: Desk));
        harness.Register(RegistrarHarness.NewRegister(callId: "mobile", contacts: Mobile));

        var response = harness.Register(RegistrarHarness.NewRegister(callId: "desk", cseq: 2, expires: "0", contacts: "*"));

        response.StatusCode.Should().Be(200);
        response.Contacts.Should().BeEmpty();
        harness.Registrar.Lookup("alice").Should().BeEmpty();
        harness.Registrar.UserCount.Should().Be(0);
        harness.Changes.Count(c => c.Change == RegistrationChange.Removed).Should().Be(2);
    }

    [Test]
    public void Handle_StarFromTheSameCallIdWithOldCSeq_500AndNothingRemoved()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "desk", cseq: 7, contacts: Desk));

        harness.Register(RegistrarHarness.NewRegister(callId: "desk", cseq: 7, expires: "0", contacts: "*")).StatusCode.Should().Be(500);
        harness.Registrar.Lookup("alice").Should().ContainSingle();
    }

    [TestCase("3600", new[] { "*" })]
    [TestCase(null, new[] { "*" })]
    [TestCase("0", new[] { "*", Desk })]
    public void Handle_StarMisused_400(string? expires, string[] contacts)
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "desk", contacts: Desk));

        var response = harness.Register(RegistrarHarness.NewRegister(callId: "other", expires: expires, contacts: contacts));

        response.StatusCode.Should().Be(400);
        response.ReasonPhrase.Should().Contain("'*'");
        harness.Registrar.Lookup("alice").Should().ContainSingle();
    }

    [Test]
    public void Handle_NoContact_AQueryListingTheBindingsUnchanged()
    {
        using var harness = new RegistrarHarness();
        harness.Register(RegistrarHarness.NewRegister(callId: "desk", expires: "600", contacts: Desk));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        harness.Changes.Clear();

        var response = harness.Register(RegistrarHarness.NewRegister(callId: "query"));

        RegistrarHarness.ListedExpires(response).Values.Should().Equal(590);
        harness.Changes.Should().BeEmpty();
    }

    [Test]
    public void Handle_ContactParameters_KeptOnTheBindingAndEchoedInThe200()
    {
        using var harness = new RegistrarHarness();
        var response = harness.Register(RegistrarHarness.NewRegister(expires: "600",
            contacts: "\"Alice\" <sip:alice-0x1@127.0.0.1:40000;transport=tcp>;q=0.7;+sip.instance=\"<urn:uuid:0f0e0d0c-0000-1000-8000-00aabbccddee>\";reg-id=1"));

        var contact = response.Contacts.Should().ContainSingle().Subject;
        contact.Uri.Transport.Should().Be("tcp");
        contact.Parameters["q"].Should().Be("0.7");
        contact.Parameters["+sip.instance"].Should().Be("\"<urn:uuid:0f0e0d0c-0000-1000-8000-00aabbccddee>\"");
        contact.Parameters["expires"].Should().Be("600");
        var binding = harness.Registrar.Lookup("alice").Single();
        binding.Q.Should().Be(0.7);
        binding.InstanceId.Should().Be("urn:uuid:0f0e0d0c-0000-1000-8000-00aabbccddee");
        binding.RegId.Should().Be("1");
        binding.Contact.Parameters.Contains("expires").Should().BeFalse();
    }
}
