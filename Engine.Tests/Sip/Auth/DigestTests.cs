using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;

#pragma warning disable CA5351 // RFC 2617 digest is MD5 by definition; the tests recompute it.

namespace RcmlEngine.Tests.Sip.Auth;

/// <summary>Digest authentication against the worked examples of RFC 2617 3.5 and RFC 7616 3.9.1.</summary>
[TestFixture]
public sealed class DigestTests
{
    [Test]
    public void Response_Rfc2617Example_MatchesTheRfc()
    {
        var response = DigestCalculator.Response("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "GET", "/dir/index.html", "auth", "00000001", "0a4f113b");
        response.Should().Be("6629fae49393a05397450978507c4ef1");
    }

    [TestCase("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [TestCase("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Response_Rfc7616Example_MatchesTheRfc(string algorithm, string expected)
    {
        var response = DigestCalculator.Response(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "GET", "/dir/index.html", "auth", "00000001",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        response.Should().Be(expected);
    }

    [Test]
    public void Response_Md5Sess_MixesNoncesIntoA1()
    {
        static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
        var ha1 = Md5(Md5("bob:sip.example.com:secret") + ":n1:c1");
        var expected = Md5($"{ha1}:n1:00000001:c1:auth:{Md5("INVITE:sip:alice@example.com")}");
        DigestCalculator.Response("MD5-sess", "bob", "sip.example.com", "secret", "n1", "INVITE", "sip:alice@example.com", "auth", "00000001", "c1")
            .Should().Be(expected);
    }

    [Test]
    public void Response_WithoutQop_UsesTheRfc2069Form()
    {
        static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
        var expected = Md5($"{Md5("bob:r:pw")}:n:{Md5("BYE:sip:a@b")}");
        DigestCalculator.Response("MD5", "bob", "r", "pw", "n", "BYE", "sip:a@b").Should().Be(expected);
    }

    [Test]
    public void TryAuthorize_ProxyChallengeWithQop_AnswersWithRequestUriAndCountsNc()
    {
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("+15551234", "carrier.example.com", 5060, parameters: new SipParameters().Set("user", "phone")));
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        var challenge = SipResponse.For(invite, 407);
        challenge.Headers.Add(SipHeaderNames.ProxyAuthenticate, "Digest realm=\"carrier\", nonce=\"abc\", qop=\"auth,auth-int\", algorithm=MD5, opaque=\"xyz\"");
        var client = new DigestClient();
        var credentials = new SipCredentials("trunk1", "s3cret");

        client.TryAuthorize(challenge, invite, credentials).Should().BeTrue();
        DigestCredentials.TryParse(invite.Headers[SipHeaderNames.ProxyAuthorization]!, out var answer).Should().BeTrue();
        answer.Uri.Should().Be("sip:+15551234@carrier.example.com:5060;user=phone", "the digest uri is exactly the Request-URI");
        answer.Qop.Should().Be("auth");
        answer.NonceCount.Should().Be("00000001");
        answer.Opaque.Should().Be("xyz");
        answer.Response.Should().Be(DigestCalculator.Response("MD5", "trunk1", "carrier", "s3cret", "abc", "INVITE", answer.Uri, "auth", "00000001", answer.Cnonce));

        client.TryAuthorize(challenge, invite, credentials).Should().BeTrue();
        DigestCredentials.TryParse(invite.Headers[SipHeaderNames.ProxyAuthorization]!, out var second).Should().BeTrue();
        second.NonceCount.Should().Be("00000002", "nc counts each use of a nonce");
        invite.Headers.CountOf(SipHeaderNames.ProxyAuthorization).Should().Be(1);
    }

    [Test]
    public void TryAuthorize_Sha256AndMd5Offered_PicksSha256()
    {
        var request = new SipRequest(SipMethods.Bye, SipUri.Create("a", "example.com"));
        var challenge = SipResponse.For(request, 401);
        challenge.Headers.Add(SipHeaderNames.WwwAuthenticate, "Digest realm=\"r\", nonce=\"n\", algorithm=MD5, qop=\"auth\"");
        challenge.Headers.Add(SipHeaderNames.WwwAuthenticate, "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\"");
        new DigestClient().TryAuthorize(challenge, request, new SipCredentials("u", "p")).Should().BeTrue();
        DigestCredentials.TryParse(request.Headers[SipHeaderNames.Authorization]!, out var answer).Should().BeTrue();
        answer.Algorithm.Should().Be("SHA-256");
    }

    [Test]
    public void TryAuthorize_RealmMismatch_DoesNotAnswer()
    {
        var request = new SipRequest(SipMethods.Invite, SipUri.Create("a", "example.com"));
        var challenge = SipResponse.For(request, 401);
        challenge.Headers.Add(SipHeaderNames.WwwAuthenticate, "Digest realm=\"other\", nonce=\"n\"");
        new DigestClient().TryAuthorize(challenge, request, new SipCredentials("u", "p", Realm: "mine")).Should().BeFalse();
    }

    [Test]
    public void TryParse_UnknownScheme_IsNotDigest()
    {
        // RFC 4475 3.3.7: an unknown Authorization scheme is treated as if absent.
        DigestCredentials.TryParse("NoOneKnowsThisScheme opaque-data=here", out _).Should().BeFalse();
    }

    [Test]
    public void Server_ChallengeAnsweredCorrectly_Authorizes_WrongPasswordOrUri_Rejects()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var server = new DigestServer("rcml", user => user == "alice" ? "wonderland" : null, time);
        var invite = new SipRequest(SipMethods.Invite, SipUri.Create("bob", "127.0.0.1", 5060));
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        server.Check(invite).Should().Be(DigestServer.Verdict.Missing);
        var challenge = server.Challenge(invite, "tag");
        challenge.StatusCode.Should().Be(401);

        var client = new DigestClient();
        var good = invite.CopyForRetry(2);
        client.TryAuthorize(challenge, good, new SipCredentials("alice", "wonderland")).Should().BeTrue();
        server.Check(good).Should().Be(DigestServer.Verdict.Authorized);

        var bad = invite.CopyForRetry(2);
        client.TryAuthorize(challenge, bad, new SipCredentials("alice", "guess")).Should().BeTrue();
        server.Check(bad).Should().Be(DigestServer.Verdict.Rejected);

        var otherUri = invite.CopyForRetry(2);
        client.TryAuthorize(challenge, otherUri, new SipCredentials("alice", "wonderland")).Should().BeTrue();
        otherUri.Uri = SipUri.Create("carol", "127.0.0.1", 5060);
        server.Check(otherUri).Should().Be(DigestServer.Verdict.Rejected, "the digest uri must be the Request-URI");

        time.Advance(TimeSpan.FromMinutes(6));
        server.Check(good).Should().Be(DigestServer.Verdict.Stale);
    }
}
