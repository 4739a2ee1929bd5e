using RcmlEngine.Hosting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Tests.Hosting;

[TestFixture]
public sealed class ApplicationRouterTests
{
    private const string Support = "AC11111111111111111111111111111111";
    private const string Sales = "AC22222222222222222222222222222222";

    private static readonly EngineOptions Options = new()
    {
        Accounts =
        [
            new AccountOptions { AccountSid = Support, AuthToken = "support-token" },
            new AccountOptions { AccountSid = Sales, AuthToken = "sales-token", DebuggerWebhook = new Uri("https://sales.example.com/debug") },
        ],
        Applications =
        [
            new ApplicationOptions { NumberPattern = @"\+1555\d{7}", AccountSid = Sales, VoiceUrl = new Uri("https://sales.example.com/voice") },
            new ApplicationOptions
            {
                Name = "support",
                User = "+15550000000",
                AccountSid = Support,
                VoiceUrl = new Uri("https://support.example.com/voice"),
                VoiceMethod = "get",
                VoiceFallbackUrl = new Uri("https://support.example.com/fallback"),
                StatusCallback = new Uri("https://support.example.com/status"),
                StatusCallbackEvent = "ringing answered",
            },
            new ApplicationOptions { User = "ivr", AccountSid = Support, VoiceUrl = new Uri("https://support.example.com/ivr") },
        ],
    };

    private readonly ApplicationRouter _router = new(Microsoft.Extensions.Options.Options.Create(Options));

    [Test]
    public void Route_ExactUserBeatsAnEarlierPattern()
    {
        var route = _router.Route("+15550000000")!;

        route.Name.Should().Be("support");
        route.Account.AuthToken.Should().Be("support-token");
        route.Application.VoiceMethod.Should().Be(RcmlHttpMethod.Get);
        route.Application.VoiceFallbackUrl.Should().Be(new Uri("https://support.example.com/fallback"));
        route.Application.StatusCallbackEvent.Should().Be(CallProgressEvents.Ringing | CallProgressEvents.Answered);
    }

    [Test]
    public void Route_PatternMatchesTheWholeUser()
    {
        _router.Route("+15551234567")!.Account.AccountSid.Should().Be(Sales);
        _router.Route("+155512345678").Should().BeNull("the pattern must match the whole user part");
        _router.Route("x+15551234567").Should().BeNull();
    }

    [Test]
    public void Route_UsersAreCaseSensitive_UnknownIsNotFound()
    {
        _router.Route("ivr")!.Application.VoiceUrl.Should().Be(new Uri("https://support.example.com/ivr"));
        _router.Route("IVR").Should().BeNull();
        _router.Route("nobody").Should().BeNull();
    }

    [Test]
    public void Route_NoAccountsConfigured_UsesTheDefaultAccountUnsigned()
    {
        var router = new ApplicationRouter(Microsoft.Extensions.Options.Options.Create(new EngineOptions
        {
            Applications = [new ApplicationOptions { User = "hello", VoiceUrl = new Uri("http://127.0.0.1:8080/samples/hello.xml") }],
        }));

        var route = router.Route("hello")!;

        route.Account.AccountSid.Should().Be(EngineOptions.DefaultAccountSid);
        route.Account.AuthToken.Should().BeNull();
        route.Application.StatusCallbackEvent.Should().Be(CallProgressEvents.Completed);
    }
}
