using System.Net;
using System.Text.Json;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// The call controller opened to loopback clients without credentials (<c>AllowLoopbackWithoutAuth</c>) and
/// its <c>Aliases</c>: a button's name is mapped to the configured party before it is rung.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class CallControllerLoopbackTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Post_LoopbackWithoutCredentials_AllowedAndTheAliasIsRung(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Accounts:0:AuthToken"] = "c2c-secret-token",
            ["CallController:AllowLoopbackWithoutAuth"] = "true",
            ["CallController:Aliases:frontdesk"] = "client:ghost",
        }, cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };

        using var posted = await http.PostAsync("/callcontroller/frontdesk/somebody", null, cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted, "loopback may call without credentials when configured so");

        var status = await CallControllerTests.JsonOf(posted, cancellationToken);
        while (status.GetProperty("ended_at").ValueKind != JsonValueKind.String)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
            using var got = await http.GetAsync("/callcontroller/frontdesk/somebody", cancellationToken);
            status = await CallControllerTests.JsonOf(got, cancellationToken);
        }

        status.GetProperty("state").GetString().Should().Be("failed", status.ToString());
        status.GetProperty("error").GetString().Should().Contain("ghost", "the alias named the client that was rung (it has no registration)");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Post_LoopbackNotAllowed_401(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Accounts:0:AuthToken"] = "c2c-secret-token",
        }, cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };

        using var posted = await http.PostAsync("/callcontroller/frontdesk/somebody", null, cancellationToken);

        posted.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the default keeps loopback behind credentials too");
    }
}
