using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;

#pragma warning disable CA5351 // RFC 2617 digest is MD5 by definition; the harness computes it the RFC's way.

namespace RcmlEngine.Tests.Sip.Registrar;

/// <summary>
/// A registrar on a fake clock, with REGISTER requests built as a UA would and authorized with the
/// digest computed here from RFC 2617 3.2.2.1 / RFC 7616 3.4.1 (not with the engine's calculator).
/// </summary>
internal sealed class RegistrarHarness : IDisposable
{
    public const string Realm = "rcml.test";

    public static readonly Dictionary<string, string> Passwords = new(StringComparer.Ordinal)
    {
        ["alice"] = "wonderland",
        ["bob"] = "builder",
        ["carol"] = "singer",
    };

    public static readonly SipRemote DefaultSource = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 40000));

    private int _cnonce;

    public RegistrarHarness(Func<SipRegistrarOptions, SipRegistrarOptions>? configure = null)
    {
        var options = new SipRegistrarOptions(user => Passwords.GetValueOrDefault(user)) { Realm = Realm };
        Registrar = new SipRegistrar(configure?.Invoke(options) ?? options, Time, NullLogger<SipRegistrar>.Instance);
        Registrar.Changed += (_, e) => Changes.Add(e);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public SipRegistrar Registrar { get; }

    public List<RegistrationChangedEventArgs> Changes { get; } = [];

    /// <summary>A REGISTER as a UA writes it; <paramref name="contacts"/> are Contact values (none: a query).</summary>
    public static SipRequest NewRegister(string user = "alice", string callId = "reg-1", long cseq = 1, string? expires = null, params string[] contacts)
    {
        var request = new SipRequest(SipMethods.Register, SipUri.Create(null, "127.0.0.1", 5060));
        request.Headers.Add(SipHeaderNames.Via, "SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + callId + cseq.ToString(CultureInfo.InvariantCulture) + ";rport");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"<sip:{user}@127.0.0.1>;tag=ua1");
        request.Headers.Add(SipHeaderNames.To, $"<sip:{user}@127.0.0.1>");
        request.Headers.Add(SipHeaderNames.CallId, callId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq.ToString(CultureInfo.InvariantCulture)} REGISTER");
        foreach (var contact in contacts)
        {
            request.Headers.Add(SipHeaderNames.Contact, contact);
        }

        if (expires is not null)
        {
            request.Headers.Add(SipHeaderNames.Expires, expires);
        }

        return request;
    }

    /// <summary>The digest response of RFC 2617 3.2.2.1 with qop=auth, computed from its definition.</summary>
    public static string RfcDigest(string algorithm, string user, string realm, string password, string nonce, string method, string uri, string nc, string cnonce)
    {
        string H(string text) => Convert.ToHexStringLower(algorithm == "SHA-256"
            ? SHA256.HashData(Encoding.UTF8.GetBytes(text))
            : MD5.HashData(Encoding.UTF8.GetBytes(text)));
        var a1 = H($"{user}:{realm}:{password}");
        var a2 = H($"{method}:{uri}");
        return H($"{a1}:{nonce}:{nc}:{cnonce}:auth:{a2}");
    }

    public SipResponse Send(SipRequest request, SipRemote? source = null) => Registrar.Handle(request, source ?? DefaultSource);

    /// <summary>A fresh nonce of <paramref name="algorithm"/>, from a 401 to an unauthenticated REGISTER.</summary>
    public DigestChallenge Challenge(string algorithm = "MD5", SipRemote? source = null)
    {
        // A nonce is good only from the address it was given to: ask from where the answer will come.
        var response = Send(NewRegister(callId: "nonce-probe"), source);
        response.StatusCode.Should().Be(401);
        return response.Headers.GetValues(SipHeaderNames.WwwAuthenticate)
            .Select(v => DigestChallenge.TryParse(v, out var c) ? c : null)
            .OfType<DigestChallenge>()
            .First(c => c.Algorithm == algorithm);
    }

    /// <summary>Adds an Authorization header answering a fresh challenge as <paramref name="user"/>.</summary>
    public SipRequest Authorize(SipRequest request, string? user = null, string? password = null, string algorithm = "MD5", DigestChallenge? challenge = null,
        SipRemote? source = null, string nc = "00000001")
    {
        challenge ??= Challenge(algorithm, source);
        user ??= request.To!.Uri.User!;
        password ??= Passwords.GetValueOrDefault(user) ?? "nobody-knows";
        var cnonce = "c" + (++_cnonce).ToString(CultureInfo.InvariantCulture);
        var uri = request.Uri.ToString();
        var digest = RfcDigest(algorithm, user, challenge.Realm, password, challenge.Nonce, request.Method, uri, nc, cnonce);
        request.Headers.Remove(SipHeaderNames.Authorization);
        request.Headers.Add(SipHeaderNames.Authorization,
            $"Digest username=\"{user}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", response=\"{digest}\", algorithm={algorithm}, qop=auth, nc={nc}, cnonce=\"{cnonce}\"");
        return request;
    }

    /// <summary>Sends <paramref name="request"/> with valid credentials for its To user.</summary>
    public SipResponse Register(SipRequest request, SipRemote? source = null) => Send(Authorize(request, source: source), source);

    /// <summary>The Contact values of a 200 OK with their expires, by URI.</summary>
    public static Dictionary<string, int> ListedExpires(SipResponse response) =>
        response.Contacts.ToDictionary(c => c.Uri.ToString(), c => int.Parse(c.Parameters["expires"]!, CultureInfo.InvariantCulture));

    public void Dispose() => Registrar.Dispose();
}
