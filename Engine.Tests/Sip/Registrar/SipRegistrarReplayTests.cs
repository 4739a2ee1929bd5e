using System.Net;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Tests.Sip.Registrar;

/// <summary>Issue 12, item 8: a captured REGISTER cannot be replayed, a nonce works only where it was sent, and guessing is slowed.</summary>
[TestFixture]
public sealed class SipRegistrarReplayTests
{
    private const string Desk = "<sip:alice@127.0.0.1:40000>";
    private const string Attacker = "<sip:alice@198.51.100.66:5060>";
    private static readonly SipRemote Elsewhere = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 40000));

    [Test]
    public void Handle_AuthorizationReplayedWithAnotherContact_ChallengedAndNotBound()
    {
        using var harness = new RegistrarHarness();
        var original = harness.Authorize(RegistrarHarness.NewRegister(cseq: 1, expires: "300", contacts: Desk));
        harness.Send(original).StatusCode.Should().Be(200);

        var replay = RegistrarHarness.NewRegister(cseq: 2, expires: "300", contacts: Attacker);
        replay.Headers.Add(SipHeaderNames.Authorization, original.Headers[SipHeaderNames.Authorization]!);
        var response = harness.Send(replay);

        response.StatusCode.Should().Be(401, "the same nonce count again is a replay");
        StaleChallenge(response).Should().BeTrue();
        harness.Registrar.Lookup("alice").Select(b => b.ContactUri.Host).Should().Equal("127.0.0.1");
    }

    [Test]
    public void Handle_SameNonceWithHigherCount_AcceptedButLowerCountChallenged()
    {
        using var harness = new RegistrarHarness();
        var challenge = harness.Challenge();

        harness.Send(harness.Authorize(RegistrarHarness.NewRegister(cseq: 1, expires: "300", contacts: Desk), challenge: challenge, nc: "00000003"))
            .StatusCode.Should().Be(200);
        harness.Send(harness.Authorize(RegistrarHarness.NewRegister(cseq: 2, expires: "300", contacts: Desk), challenge: challenge, nc: "00000004"))
            .StatusCode.Should().Be(200, "a client counting up reuses its nonce (RFC 7616 3.4)");
        harness.Send(harness.Authorize(RegistrarHarness.NewRegister(cseq: 3, expires: "300", contacts: Attacker), challenge: challenge, nc: "00000002"))
            .StatusCode.Should().Be(401, "a count below the last one accepted is a replay");
    }

    [Test]
    public void Handle_NonceAnsweredFromAnotherAddress_ChallengedAndNotBound()
    {
        using var harness = new RegistrarHarness();
        var challenge = harness.Challenge(source: RegistrarHarness.DefaultSource);

        var response = harness.Send(harness.Authorize(RegistrarHarness.NewRegister(expires: "300", contacts: Attacker), challenge: challenge), Elsewhere);

        response.StatusCode.Should().Be(401, "the nonce was given to 127.0.0.1");
        harness.Registrar.Lookup("alice").Should().BeEmpty();
        harness.Register(RegistrarHarness.NewRegister(callId: "fresh", expires: "300", contacts: Desk), Elsewhere).StatusCode.Should().Be(200,
            "a nonce asked for from 127.0.0.2 works from there");
    }

    [Test]
    public void Handle_WrongPasswordsPastTheLimit_403UncheckedUntilTheMinuteEnds()
    {
        using var harness = new RegistrarHarness(o => o with { MaxFailuresPerSourcePerMinute = 3 });
        var kept = harness.Challenge();
        for (var i = 0; i < 3; i++)
        {
            var guess = harness.Send(harness.Authorize(RegistrarHarness.NewRegister(cseq: i + 1, contacts: Desk), password: "guess" + i));
            guess.ReasonPhrase.Should().Contain("wrong credentials");
        }

        var right = harness.Send(harness.Authorize(RegistrarHarness.NewRegister(callId: "right", contacts: Desk), challenge: kept));
        right.StatusCode.Should().Be(403, "the fourth attempt in the minute is not even checked");
        right.ReasonPhrase.Should().Contain("too many failed attempts");
        harness.Register(RegistrarHarness.NewRegister(callId: "other-source", contacts: Desk), Elsewhere).StatusCode.Should().Be(200,
            "another source is not held back");

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Register(RegistrarHarness.NewRegister(callId: "later", contacts: Desk)).StatusCode.Should().Be(200);
    }

    private static bool StaleChallenge(SipResponse response) =>
        DigestChallenge.TryParse(response.Headers[SipHeaderNames.WwwAuthenticate]!, out var challenge) && challenge.Stale;
}
