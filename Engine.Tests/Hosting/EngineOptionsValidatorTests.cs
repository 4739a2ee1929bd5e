using RcmlEngine.Hosting;

namespace RcmlEngine.Tests.Hosting;

[TestFixture]
public sealed class EngineOptionsValidatorTests
{
    private const string Account = "AC0123456789abcdef0123456789abcdef";

    [Test]
    public void Validate_Defaults_Succeed() =>
        new EngineOptionsValidator().Validate(null, new EngineOptions()).Succeeded.Should().BeTrue();

    [Test]
    public void Validate_EveryProblem_IsNamedBySetting()
    {
        var options = new EngineOptions
        {
            Sip = { UdpPort = 70000, ListenAddress = "not-an-ip" },
            Rtp = { PortMin = 10001, PortMax = 9000 },
            Limits = { MaxVerbsPerCall = 0 },
            Accounts =
            [
                new AccountOptions { AccountSid = "AC123" },
                new AccountOptions { AccountSid = Account, DebuggerWebhook = new Uri("ftp://x/") },
            ],
            Applications =
            [
                new ApplicationOptions { User = "ivr", NumberPattern = "\\+1.*", VoiceUrl = new Uri("https://a/") },
                new ApplicationOptions { NumberPattern = "(unclosed", VoiceUrl = new Uri("https://a/"), AccountSid = Account, StatusCallbackEvent = "done" },
                new ApplicationOptions { User = "x", VoiceMethod = "PUT", AccountSid = "AC99999999999999999999999999999999" },
            ],
        };

        var result = new EngineOptionsValidator().Validate(null, options);

        result.Failures.Should().Contain([
            "Sip:ListenAddress 'not-an-ip' is not an IP address",
            "Sip:UdpPort must be from 0 (any free port) to 65535",
            "Rtp:PortMin must be an even port from 1024 to 65534",
            "Rtp:PortMax must be above Rtp:PortMin and at most 65535",
            "Limits:MaxVerbsPerCall must be positive",
            "Accounts:0:AccountSid 'AC123' must be AC followed by 32 lowercase hex digits",
            "Accounts:1:DebuggerWebhook must be an absolute http(s) URL",
            "Applications:0: give either User or NumberPattern (exactly one)",
            "Applications:0:AccountSid is needed when several accounts are configured",
            "Applications:1:StatusCallbackEvent: 'done' is not one of initiated, ringing, answered, completed",
            "Applications:2:VoiceUrl must be an absolute http(s) URL",
            "Applications:2:VoiceMethod must be GET or POST",
            "Applications:2:AccountSid 'AC99999999999999999999999999999999' is not in Accounts",
        ]);
        result.Failures.Should().Contain(f => f.StartsWith("Applications:1:NumberPattern is not a valid regular expression", StringComparison.Ordinal));
    }

    [Test]
    public void Validate_TrunksAndClients_ProblemsNamedBySetting()
    {
        var options = new EngineOptions
        {
            Trunks =
            [
                new TrunkOptions { Host = "", Transport = "tls" },
                new TrunkOptions { Host = "sip.example.com", Port = 0, Transport = "sctp", Strip = -1, Password = "p" },
                new TrunkOptions { Host = "127.0.0.1", Transport = "TCP", Prefix = "+1" },
            ],
            Clients = [new ClientOptions { Name = "alice", Password = "a" }, new ClientOptions { Name = "alice" }, new ClientOptions { Name = "bad name", Password = "x" }],
        };

        var result = new EngineOptionsValidator().Validate(null, options);

        result.Failures.Should().BeEquivalentTo([
            "Trunks:0:Host '' must be a host name or an IP address",
            "Trunks:0:Transport tls is not supported yet; use udp or tcp",
            "Trunks:1:Port must be from 1 to 65535",
            "Trunks:1:Transport 'sctp' must be udp or tcp",
            "Trunks:1:Strip must not be negative",
            "Trunks:1:Password needs a Username",
            "Clients:1:Name 'alice' appears twice",
            "Clients:1:Password must not be empty",
            "Clients:2:Name 'bad name' must be letters, digits, - _ . or +",
        ]);
    }
}
