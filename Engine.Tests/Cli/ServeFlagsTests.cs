using System.CommandLine;
using RcmlEngine.Cli;

namespace RcmlEngine.Tests.Cli;

[TestFixture]
public sealed class ServeFlagsTests
{
    [Test]
    public void Parse_RepeatedAppsAndPorts_BecomeOverrides()
    {
        var flags = new ServeFlags();
        var command = new Command("serve");
        flags.AddTo(command);

        var result = command.Parse(["--sip-port", "5070", "--http-port", "0", "--app", "ivr=http://127.0.0.1:3000/ivr", "--app", "sales=https://app.example.com/sales", "--config", "site.json"]);
        var overrides = flags.ReadOverrides(result);

        result.Errors.Should().BeEmpty();
        overrides.SipPort.Should().Be(5070);
        overrides.HttpPort.Should().Be(0);
        overrides.Apps.Select(a => a.User).Should().Equal("ivr", "sales");
        flags.ReadConfigFile(result).Should().Be("site.json");
    }

    [Test]
    public void Parse_Listen_BindsSipRtpAndHttpThere()
    {
        var flags = new ServeFlags();
        var command = new Command("serve");
        flags.AddTo(command);
        var options = new RcmlEngine.Hosting.EngineOptions();

        flags.ReadOverrides(command.Parse(["--listen", "127.0.0.1"])).ApplyTo(options);

        options.Sip.ListenAddress.Should().Be("127.0.0.1", "RTP binds the SIP address too");
        options.Http.ListenAddress.Should().Be("127.0.0.1");
    }

    [TestCase("--app", "ivr")]
    [TestCase("--app", "ivr=not a url")]
    [TestCase("--sip-port", "70000")]
    [TestCase("--listen", "localhost")]
    public void Parse_BadValue_IsAParseError(string flag, string value)
    {
        var flags = new ServeFlags();
        var command = new Command("serve");
        flags.AddTo(command);

        command.Parse([flag, value]).Errors.Should().NotBeEmpty();
    }
}
