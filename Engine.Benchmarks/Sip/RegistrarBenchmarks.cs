using System.Globalization;
using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Benchmarks.Sip;

/// <summary>
/// The registrar's own cost, without network: an authenticated refresh REGISTER (digest check,
/// contact parsing, binding replaced, 200 built) with 10,000 clients registered, and a lookup of a
/// client with three bindings. Figures go to docs/performance.md, "SIP registrar".
/// </summary>
[MemoryDiagnoser]
public class RegistrarBenchmarks
{
    private const int Users = 10_000;
    private static readonly SipRemote Source = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 40000));

    private SipRegistrar _registrar = null!;
    private SipRequest _refresh = null!;
    private long _cseq = 2;

    [GlobalSetup]
    public void Setup()
    {
        _registrar = new SipRegistrar(new SipRegistrarOptions(user => "pw-" + user) { Realm = "bench" }, TimeProvider.System,
            NullLogger<SipRegistrar>.Instance);
        for (var i = 0; i < Users; i++)
        {
            var user = "user" + i.ToString(CultureInfo.InvariantCulture);
            Register(user, 1, "<sip:" + user + "@127.0.0.1:40000>");
        }

        Register("user1", 2, "<sip:user1-desk@127.0.0.1:40001>;q=0.5");
        Register("user1", 3, "<sip:user1-mobile@127.0.0.1:40002>;q=0.9");
        _refresh = Authorized("user42", 2, "<sip:user42@127.0.0.1:40000>");
    }

    [GlobalCleanup]
    public void Cleanup() => _registrar.Dispose();

    /// <summary>One refresh REGISTER of an existing binding, credentials checked.</summary>
    [Benchmark]
    public int AuthenticatedRefresh()
    {
        _refresh.Headers.Set(SipHeaderNames.CSeq, (++_cseq).ToString(CultureInfo.InvariantCulture) + " REGISTER");
        return _registrar.Handle(_refresh, Source).StatusCode;
    }

    /// <summary>What Dial Client asks: the bindings of one name, best first.</summary>
    [Benchmark]
    public int Lookup() => _registrar.Lookup("user1").Count;

    private void Register(string user, long cseq, string contact)
    {
        var status = _registrar.Handle(Authorized(user, cseq, contact), Source).StatusCode;
        if (status != 200)
        {
            throw new InvalidOperationException($"setup REGISTER for {user} got {status}");
        }
    }

    private SipRequest Authorized(string user, long cseq, string contact)
    {
        var request = new SipRequest(SipMethods.Register, SipUri.Create(null, "127.0.0.1", 5060));
        request.Headers.Add(SipHeaderNames.Via, "SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bKbench;rport=40000;received=127.0.0.1");
        request.Headers.Add(SipHeaderNames.From, $"<sip:{user}@127.0.0.1>;tag=b1");
        request.Headers.Add(SipHeaderNames.To, $"<sip:{user}@127.0.0.1>");
        request.Headers.Add(SipHeaderNames.CallId, "bench-" + user);
        request.Headers.Add(SipHeaderNames.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " REGISTER");
        request.Headers.Add(SipHeaderNames.Contact, contact);
        request.Headers.Add(SipHeaderNames.Expires, "3600");
        var challengeResponse = _registrar.Handle(request, Source);
        if (!DigestChallenge.TryParse(challengeResponse.Headers[SipHeaderNames.WwwAuthenticate] ?? string.Empty, out var challenge))
        {
            throw new InvalidOperationException($"expected a challenge, got {challengeResponse}");
        }

        var answer = new DigestClient().Answer(challenge, new SipCredentials(user, "pw-" + user), SipMethods.Register, request.Uri.ToString());
        request.Headers.Add(SipHeaderNames.Authorization, answer.ToString());
        return request;
    }
}
