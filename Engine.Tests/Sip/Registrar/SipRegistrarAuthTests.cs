using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Tests.Sip.Registrar;

/// <summary>RFC 3261 10.3 steps 1, 3, 4 and 5: who may register which name, and the digest round trip.</summary>
[TestFixture]
public sealed class SipRegistrarAuthTests
{
    private const string AliceContact = "<sip:alice@127.0.0.1:40000>";

    [Test]
    public void Handle_NoCredentials_401ChallengesMd5WithQopAuthByDefault()
    {
        using var harness = new RegistrarHarness();
        var response = harness.Send(RegistrarHarness.NewRegister(contacts: AliceContact));

        response.StatusCode.Should().Be(401);
        response.Headers.GetValues(SipHeaderNames.WwwAuthenticate).Should().ContainSingle()
            .Which.Should().StartWith("Digest realm=\"rcml.test\"").And.Contain("algorithm=MD5").And.Contain("qop=\"auth\"");
    }

    [Test]
    public void Handle_NoCredentialsSha256Offered_401ChallengesSha256ThenMd5()
    {
        using var harness = new RegistrarHarness(o => o with { Algorithms = ["SHA-256", "MD5"] });
        var response = harness.Send(RegistrarHarness.NewRegister(contacts: AliceContact));

        response.StatusCode.Should().Be(401);
        response.To!.Tag.Should().NotBeNullOrEmpty("a UAS adds a To tag to its final response (RFC 3261 8.2.6.2)");
        var challenges = response.Headers.GetValues(SipHeaderNames.WwwAuthenticate)
            .Select(v => DigestChallenge.TryParse(v, out var c) ? c : null).OfType<DigestChallenge>().ToList();
        challenges.Select(c => c.Algorithm).Should().Equal("SHA-256", "MD5");
        challenges.Should().OnlyContain(c => c.Realm == RegistrarHarness.Realm && c.Qop!.Contains("auth"));
        harness.Registrar.Lookup("alice").Should().BeEmpty();
    }

    [TestCase("MD5")]
    [TestCase("SHA-256")]
    public void Handle_DigestComputedAsTheRfcDefinesIt_200AndTheBindingIsStored(string algorithm)
    {
        using var harness = new RegistrarHarness(o => o with { Algorithms = ["SHA-256", "MD5"] });
        var request = harness.Authorize(RegistrarHarness.NewRegister(expires: "600", contacts: AliceContact), algorithm: algorithm);

        var response = harness.Send(request);

        response.StatusCode.Should().Be(200, response.ReasonPhrase);
        RegistrarHarness.ListedExpires(response).Should().Equal(new Dictionary<string, int> { ["sip:alice@127.0.0.1:40000"] = 600 });
        response.Headers[SipHeaderNames.Date].Should().Be("Sat, 01 Mar 2025 12:00:00 GMT");
        harness.Registrar.Lookup("alice").Should().ContainSingle().Which.ContactUri.ToString().Should().Be("sip:alice@127.0.0.1:40000");
    }

    [Test]
    public void Handle_KnownRfc2617Vector_TheHarnessDigestMatchesTheRfc()
    {
        // RFC 2617 3.5: the harness's own digest must reproduce the RFC's worked example.
        RegistrarHarness.RfcDigest("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "GET", "/dir/index.html", "00000001", "0a4f113b").Should().Be("6629fae49393a05397450978507c4ef1");
    }

    [Test]
    public void Handle_WrongPasswordAndUnknownUser_SameForbiddenSoNamesCannotBeProbed()
    {
        using var harness = new RegistrarHarness();
        var wrong = harness.Send(harness.Authorize(RegistrarHarness.NewRegister(contacts: AliceContact), password: "guess"));
        var unknown = harness.Send(harness.Authorize(RegistrarHarness.NewRegister(user: "mallory", contacts: "<sip:mallory@127.0.0.1>")));

        wrong.StatusCode.Should().Be(403);
        unknown.StatusCode.Should().Be(403);
        unknown.ReasonPhrase.Should().Be(wrong.ReasonPhrase);
        harness.Registrar.UserCount.Should().Be(0);
    }

    [Test]
    public void Handle_ToNamesAnotherClientThanTheCredentials_403AndNothingRegistered()
    {
        using var harness = new RegistrarHarness();
        var request = harness.Authorize(RegistrarHarness.NewRegister(user: "bob", contacts: "<sip:bob@127.0.0.1:40000>"), user: "alice");

        var response = harness.Send(request);

        response.StatusCode.Should().Be(403);
        response.ReasonPhrase.Should().Contain("To");
        harness.Registrar.Lookup("bob").Should().BeEmpty();
    }

    [Test]
    public void Handle_NonceOlderThanItsLifetime_401WithStaleTrueThenAFreshNonceWorks()
    {
        using var harness = new RegistrarHarness();
        var old = harness.Challenge();
        harness.Time.Advance(TimeSpan.FromMinutes(6));

        var stale = harness.Send(harness.Authorize(RegistrarHarness.NewRegister(contacts: AliceContact), challenge: old));

        stale.StatusCode.Should().Be(401);
        stale.Headers.GetValues(SipHeaderNames.WwwAuthenticate).Should().OnlyContain(v => v.Contains("stale=true"));
        harness.Register(RegistrarHarness.NewRegister(cseq: 2, contacts: AliceContact)).StatusCode.Should().Be(200);
    }

    [Test]
    public void Handle_DigestUriIsNotTheRequestUri_Forbidden()
    {
        using var harness = new RegistrarHarness();
        var request = harness.Authorize(RegistrarHarness.NewRegister(contacts: AliceContact));
        request.Uri = SipUri.Create(null, "127.0.0.1", 5070);

        harness.Send(request).StatusCode.Should().Be(403, "RFC 3261 22.4: the digest covers the Request-URI as sent");
    }

    [Test]
    public void Handle_RequestUriOfADomainNotServed_404BeforeAnyChallenge()
    {
        using var harness = new RegistrarHarness(o => o with { Domains = ["pbx.example.com"] });

        harness.Send(RegistrarHarness.NewRegister(contacts: AliceContact)).StatusCode.Should().Be(404);
    }

    [Test]
    public void Handle_ToWithoutAUser_404()
    {
        using var harness = new RegistrarHarness();
        var request = RegistrarHarness.NewRegister(contacts: AliceContact);
        request.Headers.Set(SipHeaderNames.To, "<sip:127.0.0.1>");

        harness.Send(harness.Authorize(request, user: "alice")).StatusCode.Should().Be(404);
    }
}
