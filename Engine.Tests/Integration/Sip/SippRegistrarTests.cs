using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Sip;

/// <summary>
/// SIPp 3.6 registers with the engine's registrar over UDP and over TCP: challenged with 401, it
/// answers with its own digest and gets 200 with its binding listed; a wrong password gets 403.
/// </summary>
[TestFixture(SipTransportKind.Udp)]
[TestFixture(SipTransportKind.Tcp)]
[Category("Integration")]
[NonParallelizable]
internal sealed class SippRegistrarTests(SipTransportKind transport)
{
    private string Mode => transport == SipTransportKind.Udp ? "u1" : "t1";

    [Test]
    [CancelAfter(30000)]
    public async Task Register_SippAnswersTheChallenge_BindingHeldWithSippsAddressThenRemoved(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        using var registrar = Attach(engine);
        var added = new TaskCompletionSource<RegistrationBinding>(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new TaskCompletionSource<RegistrationBinding>(TaskCreationOptions.RunContinuationsAsynchronously);
        registrar.Changed += (_, e) => (e.Change == RegistrationChange.Added ? added : e.Change == RegistrationChange.Removed ? removed : null)?.TrySetResult(e.Binding);

        await using var sipp = SippRunner.Start(Target(engine), "-sf", "uac_register_auth.xml", "-m", "1", "-t", Mode, "-timeout", "20s");

        var sippDone = sipp.WaitAsync(cancellationToken);
        await Task.WhenAny(added.Task, sippDone);
        added.Task.IsCompleted.Should().BeTrue("SIPp registered: " + sipp.Describe());
        var binding = await added.Task;
        binding.User.Should().Be("alice");
        binding.ContactUri.Port.Should().Be(sipp.Port);
        binding.ContactUri.Host.Should().Be("127.0.0.1");
        binding.Transport.Should().Be(transport);
        binding.SourceEndPoint.Address.ToString().Should().Be("127.0.0.1");
        binding.UserAgent.Should().Be("SIPp");
        binding.ExpiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddSeconds(300), TimeSpan.FromSeconds(10));
        (await removed.Task.WaitAsync(cancellationToken)).ContactUri.Should().BeSameAs(binding.ContactUri);
        (await sippDone).Should().Be(0, sipp.Describe());
        registrar.Lookup("alice").Should().BeEmpty();
    }

    [Test]
    [CancelAfter(30000)]
    public async Task Register_WrongPassword_SippGets403AndNothingIsBound(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        using var registrar = Attach(engine);

        await using var sipp = SippRunner.Start(Target(engine), "-sf", "uac_register_bad_password.xml", "-m", "1", "-t", Mode, "-timeout", "20s");

        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
        registrar.UserCount.Should().Be(0);
    }

    private static SipRegistrar Attach(SipStack engine) =>
        SipRegistrar.Attach(engine, new SipRegistrarOptions(user => user == "alice" ? "wonderland" : null) { Realm = "rcml.test" },
            NullLogger<SipRegistrar>.Instance);

    private string Target(SipStack engine) => "127.0.0.1:" + engine.EndPoint(transport).Port.ToString(CultureInfo.InvariantCulture);
}
