using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Sip;

/// <summary>
/// baresip, a real softphone, registers with the engine's registrar over UDP and over TCP, and the
/// engine then rings it through its binding (what <c>&lt;Dial&gt;&lt;Client&gt;</c> will do).
/// </summary>
[TestFixture(SipTransportKind.Udp)]
[TestFixture(SipTransportKind.Tcp)]
[Category("Integration")]
[NonParallelizable]
internal sealed class BaresipRegistrarTests(SipTransportKind transport)
{
    [Test]
    [CancelAfter(30000)]
    public async Task Register_BaresipWithDigest_BindingHoldsBaresipsContactInstanceAndSource(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        using var registrar = Attach(engine);

        await using var phone = await StartPhoneAsync(engine, "manual", cancellationToken);

        var binding = registrar.Lookup("alice").Should().ContainSingle().Subject;
        binding.ContactUri.User.Should().StartWith("alice");
        binding.ContactUri.Host.Should().Be("127.0.0.1");
        binding.ContactUri.Port.Should().Be(phone.SipPort);
        binding.InstanceId.Should().StartWith("urn:uuid:", "baresip's uuid module gives it a +sip.instance");
        binding.Transport.Should().Be(transport);
        binding.SourceEndPoint.Address.ToString().Should().Be("127.0.0.1");
        binding.UserAgent.Should().StartWith("baresip");
        binding.RemainingSeconds(DateTimeOffset.UtcNow).Should().BeInRange(290, 300);
    }

    [Test]
    [CancelAfter(30000)]
    public async Task Dial_RegisteredBaresipOnItsFlow_BaresipAnswersAndSeesTheHangUp(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        using var registrar = Attach(engine);
        await using var phone = await StartPhoneAsync(engine, "auto", cancellationToken);
        var binding = registrar.Lookup("alice").Single();

        var call = engine.Dial(new SipDialOptions(binding.ContactUri) { Destination = binding.Flow, Body = Offer() }, cancellationToken);

        var outcome = await call.Outcome.WaitAsync(cancellationToken);
        outcome.StatusCode.Should().Be(200, phone.Describe());
        Encoding.ASCII.GetString(outcome.Body.Content.Span).Should().Contain("PCMU");
        await phone.WaitForEventAsync("CALL_ESTABLISHED", cancellationToken);
        await call.HangUpAsync(cancellationToken);
        await phone.WaitForEventAsync("CALL_CLOSED", cancellationToken);
    }

    private static SipRegistrar Attach(SipStack engine) =>
        SipRegistrar.Attach(engine, new SipRegistrarOptions(user => user == "alice" ? "wonderland" : null) { Realm = "rcml.test" },
            NullLogger<SipRegistrar>.Instance);

    private static SipBody Offer()
    {
        var port = FreePorts.Pick().ToString(CultureInfo.InvariantCulture);
        return SipBody.Sdp(Encoding.ASCII.GetBytes(
            $"v=0\r\no=rcml 1 1 IN IP4 127.0.0.1\r\ns=rcml\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n"));
    }

    private async Task<BaresipRunner> StartPhoneAsync(SipStack engine, string answerMode, CancellationToken cancellationToken)
    {
        var phone = await BaresipRunner.StartAsync(new BaresipOptions
        {
            User = "alice", Password = "wonderland", Registrar = engine.EndPoint(transport), Transport = transport, RegisterInterval = 300,
            AnswerMode = answerMode,
        }, cancellationToken);
        try
        {
            await phone.WaitForRegistrationAsync(cancellationToken);
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }
}
