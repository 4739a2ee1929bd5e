using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Registrar;

/// <summary>
/// A phone behind a NAT (its Contact and Via name an address where nothing listens) registers
/// through the engine's stack; the engine then calls it on the binding's flow: every request of the
/// call reaches the phone's real address, and nothing is sent to the one it wrote.
/// </summary>
[TestFixture]
public sealed class SipRegistrarFlowTests
{
    // Stands in for a private address behind a NAT; on loopback, so a regression could not send traffic off the host.
    private const string PrivateContact = "<sip:alice@127.0.0.2:5999>";

    [Test]
    [CancelAfter(10000)]
    public async Task Dial_BindingBehindANat_InviteAckAndByeReachTheSourceAddress(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.Start();
        using var registrar = SipRegistrar.Attach(engine, new SipRegistrarOptions(u => u == "alice" ? "wonderland" : null) { Realm = "rcml.test" },
            NullLogger<SipRegistrar>.Instance);
        using var phone = new UdpPeer();
        var engineUdp = engine.EndPoint(SipTransportKind.Udp);

        await RegisterFromBehindNatAsync(phone, engine);
        var binding = registrar.Lookup("alice").Should().ContainSingle().Subject;
        binding.SourceEndPoint.Should().Be(phone.EndPoint);
        binding.ContactDiffersFromSource.Should().BeTrue();

        var call = engine.Dial(new SipDialOptions(binding.ContactUri)
        {
            Destination = binding.Flow,
            Body = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\n")),
        }, cancellationToken);
        var invite = await ExpectRequestAsync(phone, SipMethods.Invite);
        invite.Uri.ToString().Should().Be("sip:alice@127.0.0.2:5999", "the Request-URI is the registered Contact");
        var ok = SipResponse.For(invite, 200, toTag: "phone-tag");
        ok.Headers.Add(SipHeaderNames.Contact, PrivateContact);
        await phone.SendAsync(ok, engineUdp);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        await ExpectRequestAsync(phone, SipMethods.Ack);

        var hangUp = call.HangUpAsync(cancellationToken);
        var bye = await ExpectRequestAsync(phone, SipMethods.Bye);
        bye.Uri.ToString().Should().Be("sip:alice@127.0.0.2:5999", "in-dialog requests target the Contact of the 200");
        await phone.SendAsync(SipResponse.For(bye, 200), engineUdp);
        await hangUp;
    }

    private static async Task RegisterFromBehindNatAsync(UdpPeer phone, SipStack engine)
    {
        var engineUdp = engine.EndPoint(SipTransportKind.Udp);
        var register = Register(engineUdp.Port, cseq: 1);
        await phone.SendAsync(register, engineUdp);
        var challengeResponse = (SipResponse)await phone.ExpectAsync();
        challengeResponse.StatusCode.Should().Be(401, "the response finds the phone through received/rport, not its private Via");
        DigestChallenge.TryParse(challengeResponse.Headers[SipHeaderNames.WwwAuthenticate]!, out var challenge).Should().BeTrue();

        var authorized = Register(engineUdp.Port, cseq: 2);
        var uri = authorized.Uri.ToString();
        var digest = RegistrarHarness.RfcDigest("MD5", "alice", challenge.Realm, "wonderland", challenge.Nonce, SipMethods.Register, uri, "00000001", "abc");
        authorized.Headers.Add(SipHeaderNames.Authorization,
            $"Digest username=\"alice\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", response=\"{digest}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"abc\"");
        await phone.SendAsync(authorized, engineUdp);
        ((SipResponse)await phone.ExpectAsync()).StatusCode.Should().Be(200);
    }

    private static SipRequest Register(int enginePort, long cseq)
    {
        var request = RegistrarHarness.NewRegister(callId: "nat-phone", cseq: cseq, expires: "300", contacts: PrivateContact);
        request.Uri = SipUri.Create(null, "127.0.0.1", enginePort);
        request.Headers.Set(SipHeaderNames.Via, $"SIP/2.0/UDP 127.0.0.2:5999;branch=z9hG4bKnat{cseq};rport");
        return request;
    }

    /// <summary>The next request of <paramref name="method"/>, skipping retransmissions of earlier ones.</summary>
    private static async Task<SipRequest> ExpectRequestAsync(UdpPeer phone, string method)
    {
        while (true)
        {
            if (await phone.ExpectAsync() is SipRequest request && request.Method == method)
            {
                return request;
            }
        }
    }
}
