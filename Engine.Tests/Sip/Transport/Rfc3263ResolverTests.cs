using System.Net;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Transport;

/// <summary>RFC 3263 4 target selection against a fake DNS.</summary>
[TestFixture]
public sealed class Rfc3263ResolverTests
{
    private static SipUri Uri(string text)
    {
        SipUri.TryParse(text, out var uri, out var error).Should().BeTrue(error);
        return uri;
    }

    [TestCase("sip:bob@192.0.2.7", "Udp", "192.0.2.7:5060")]
    [TestCase("sip:bob@192.0.2.7:5080;transport=tcp", "Tcp", "192.0.2.7:5080")]
    [TestCase("sip:bob@[2001:db8::7]:5062", "Udp", "[2001:db8::7]:5062")]
    [TestCase("sips:bob@192.0.2.7", "Tcp", "192.0.2.7:5060")]
    public async Task Resolve_NumericHost_NeverLookedUp(string uri, string transport, string endPoint)
    {
        var dns = new FakeDnsLookup();
        var result = await new Rfc3263Resolver(dns).ResolveAsync(Uri(uri), CancellationToken.None);
        result.Should().ContainSingle();
        result[0].Transport.ToString().Should().Be(transport);
        result[0].EndPoint.ToString().Should().Be(endPoint);
        dns.Queries.Should().BeEmpty();
    }

    [Test]
    public async Task Resolve_NameWithSrv_OrdersByPriorityThenWeight()
    {
        var dns = new FakeDnsLookup();
        dns.Srv["_sip._udp.example.com"] = [new(20, 0, 5070, "backup.example.com"), new(10, 10, 5060, "b.example.com"), new(10, 60, 5062, "a.example.com")];
        dns.Addresses["a.example.com"] = [IPAddress.Parse("192.0.2.1")];
        dns.Addresses["b.example.com"] = [IPAddress.Parse("192.0.2.2")];
        dns.Addresses["backup.example.com"] = [IPAddress.Parse("2001:db8::3")];
        var result = await new Rfc3263Resolver(dns).ResolveAsync(Uri("sip:bob@example.com"), CancellationToken.None);
        result.Select(d => d.EndPoint.ToString()).Should().Equal("192.0.2.1:5062", "192.0.2.2:5060", "[2001:db8::3]:5070");
        result.Should().OnlyContain(d => d.Transport == SipTransportKind.Udp);
    }

    [Test]
    public async Task Resolve_NameWithPort_SkipsSrv()
    {
        var dns = new FakeDnsLookup();
        dns.Addresses["pbx.example.com"] = [IPAddress.Parse("192.0.2.9")];
        var result = await new Rfc3263Resolver(dns).ResolveAsync(Uri("sip:bob@pbx.example.com:5099;transport=tcp"), CancellationToken.None);
        result.Single().Should().Be(new SipDestination(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.9"), 5099), true));
        dns.Queries.Should().Equal("A pbx.example.com");
    }

    [Test]
    public async Task Resolve_NameWithoutSrv_FallsBackToAddressOn5060()
    {
        var dns = new FakeDnsLookup();
        dns.Addresses["pbx.example.com"] = [IPAddress.Parse("192.0.2.9")];
        var result = await new Rfc3263Resolver(dns).ResolveAsync(Uri("sip:bob@pbx.example.com"), CancellationToken.None);
        result.Single().EndPoint.ToString().Should().Be("192.0.2.9:5060");
        dns.Queries.Should().Contain("SRV _sip._udp.pbx.example.com");
    }

    [Test]
    public async Task Resolve_UnknownName_ThrowsTransportError()
    {
        var act = () => new Rfc3263Resolver(new FakeDnsLookup()).ResolveAsync(Uri("sip:bob@nowhere.example"), CancellationToken.None);
        await act.Should().ThrowAsync<SipTransportException>();
    }
}
