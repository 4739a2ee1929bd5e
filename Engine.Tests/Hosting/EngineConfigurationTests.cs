using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Hosting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Tests.Hosting;

[TestFixture]
[NonParallelizable] // sets process environment variables
public sealed class EngineConfigurationTests
{
    private const string Account = "AC0123456789abcdef0123456789abcdef";
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("rcml-config-tests");

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("RCML__Sip__UdpPort", null);
        Environment.SetEnvironmentVariable("RCML__Applications__0__VoiceMethod", null);
        _folder.Delete(recursive: true);
    }

    [Test]
    public void Build_AppsettingsThenConfigFileThenEnvironment_LaterWins()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "appsettings.json"), """
            { "Sip": { "UdpPort": 5070, "TcpPort": 5071 }, "Http": { "Port": 8081 }, "Limits": { "MaxCallDuration": "01:00:00" } }
            """);
        File.WriteAllText(Path.Combine(_folder.FullName, "site.json"), $$"""
            {
              "Http": { "Port": 9000 },
              "Accounts": [ { "AccountSid": "{{Account}}", "AuthToken": "tok", "DebuggerWebhook": "https://app.example.com/debugger" } ],
              "Applications": [ { "User": "ivr", "VoiceUrl": "https://app.example.com/ivr", "StatusCallbackEvent": "initiated, completed" } ]
            }
            """);
        Environment.SetEnvironmentVariable("RCML__Sip__UdpPort", "5080");
        Environment.SetEnvironmentVariable("RCML__Applications__0__VoiceMethod", "GET");

        var options = EngineConfiguration.Bind(EngineConfiguration.Build("site.json", _folder.FullName));

        options.Sip.UdpPort.Should().Be(5080, "environment variables win");
        options.Sip.TcpPort.Should().Be(5071, "appsettings.json is the base");
        options.Http.Port.Should().Be(9000, "--config wins over appsettings.json");
        options.Limits.MaxCallDuration.Should().Be(TimeSpan.FromHours(1));
        options.Accounts.Single().DebuggerWebhook.Should().Be(new Uri("https://app.example.com/debugger"));
        var app = options.Applications.Single();
        app.VoiceMethod.Should().Be("GET");
        new EngineOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Test]
    public void Build_MissingConfigFile_Throws()
    {
        var build = () => EngineConfiguration.Build("absent.json", _folder.FullName);

        build.Should().Throw<FileNotFoundException>().WithMessage("*absent.json*");
    }

    [Test]
    public void Overrides_PortsAndAppsWin_AppReplacesTheSameUser()
    {
        var options = new EngineOptions
        {
            Applications = [new ApplicationOptions { User = "ivr", VoiceUrl = new Uri("https://old.example.com/") }],
        };
        var overrides = new EngineOverrides
        {
            SipPort = 15060,
            HttpPort = 18080,
            Apps = [("ivr", new Uri("http://127.0.0.1:3000/ivr")), ("sales", new Uri("http://127.0.0.1:3000/sales"))],
        };

        overrides.ApplyTo(options);

        options.Sip.UdpPort.Should().Be(15060);
        options.Sip.TcpPort.Should().Be(15060);
        options.Http.Port.Should().Be(18080);
        options.Applications.Select(a => (a.User, a.VoiceUrl!.Host)).Should().Equal(("ivr", "127.0.0.1"), ("sales", "127.0.0.1"));
    }

    [TestCase("ivr=http://127.0.0.1:3000/ivr", true)]
    [TestCase("+15551234567=https://app.example.com/x?y=1", true)]
    [TestCase("ivr", false)]
    [TestCase("=http://x/", false)]
    [TestCase("ivr=ftp://x/", false)]
    [TestCase("ivr=/relative", false)]
    public void TryParseApp_UserEqualsAbsoluteHttpUrl(string text, bool valid)
    {
        EngineOverrides.TryParseApp(text, out var app, out var error).Should().Be(valid);
        if (valid)
        {
            app.User.Should().Be(text[..text.IndexOf('=', StringComparison.Ordinal)]);
        }
        else
        {
            error.Should().Contain("--app");
        }
    }

    [Test]
    public async Task AddRcmlEngine_CarriesLimitsPromptAndRecordingsDown()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Limits:MaxDocumentsPerCall"] = "7",
            ["ErrorPrompt:Text"] = "Désolé.",
            ["ErrorPrompt:Language"] = "fr-FR",
            ["Recordings:Folder"] = Path.Combine(_folder.FullName, "rec"),
            ["PublicAddress"] = "203.0.113.5",
            ["Http:Port"] = "8443",
            ["Webhooks:Queue:StorePath"] = Path.Combine(_folder.FullName, "callbacks.db"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddRcmlEngine(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var execution = provider.GetRequiredService<IOptions<ExecutionOptions>>().Value;
        var recordings = provider.GetRequiredService<IOptions<RecordingStoreOptions>>().Value;

        execution.MaxDocumentsPerCall.Should().Be(7);
        execution.ApologyText.Should().Be("Désolé.");
        execution.ApologyLanguage.Should().Be("fr-FR");
        recordings.BaseUrl.Should().Be(new Uri("http://203.0.113.5:8443/"));
        provider.GetRequiredService<RcmlInterpreter>().Should().NotBeNull();
        provider.GetRequiredService<ApplicationRouter>().Route("anyone").Should().BeNull();
    }

    [Test]
    public void AddRcmlEngine_InvalidConfiguration_FailsAtStartNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Applications:0:User"] = "ivr",
            ["Applications:0:VoiceUrl"] = "app.example.com/ivr",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddRcmlEngine(configuration).BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<EngineOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().WithMessage("*Applications:0:VoiceUrl must be an absolute http(s) URL*");
    }

    [Test]
    public void PublicBaseUrl_ExplicitWins_ElseAddressAndPort()
    {
        EngineSettings.PublicBaseUrl(new EngineOptions()).Should().Be(new Uri("http://127.0.0.1:8080/"));
        EngineSettings.PublicBaseUrl(new EngineOptions { Http = { ListenAddress = "::" }, PublicAddress = "2001:db8::1" })
            .Should().Be(new Uri("http://[2001:db8::1]:8080/"));
        EngineSettings.PublicBaseUrl(new EngineOptions { Http = { PublicBaseUrl = new Uri("https://voice.example.com/") } })
            .Should().Be(new Uri("https://voice.example.com/"));
    }

    [Test]
    public void ConfigValues_EventsBySpacesOrCommas()
    {
        ConfigValues.TryParseEvents("initiated ringing,answered , completed", out var all, out _).Should().BeTrue();
        all.Should().Be(CallProgressEvents.Initiated | CallProgressEvents.Ringing | CallProgressEvents.Answered | CallProgressEvents.Completed);
        ConfigValues.TryParseEvents("completed hungup", out _, out var unknown).Should().BeFalse();
        unknown.Should().Be("hungup");
    }
}
