using System.Text.Json;
using System.Text.RegularExpressions;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Debugger;

namespace RcmlEngine.Tests.Webhooks.Debugger;

[TestFixture]
public sealed partial class DebuggerNotifierTests
{
    [Test]
    [CancelAfter(15_000)]
    public async Task Notify_FetchFailure_PostsTwilioShapedSignedEvent(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/debugger", TestResponse.Status(204)).RequireSignature("tok");
        await using var services = await WebhookServices.StartAsync(cancellationToken: ct);

        var accepted = services.Debugger.Notify(app.Url("/debugger"), "tok", new DebuggerNotification
        {
            AccountSid = "AC0123456789abcdef0123456789abcdef",
            CallSid = "CA0123456789abcdef0123456789abcdef",
            ErrorCode = 11200,
            Message = "HTTP 500 from app.example.com",
            RequestUrl = new Uri("https://app.example.com/voice"),
            RequestMethod = WebhookMethod.Post,
            ResponseStatusCode = 500,
            ResponseBody = "Traceback",
        });
        var hit = await app.WaitForRequestAsync("/debugger", ct);

        accepted.Should().BeTrue();
        hit.HasValidSignature("tok").Should().BeTrue();
        hit["Sid"].Should().MatchRegex("^NO[0-9a-f]{32}$");
        hit["AccountSid"].Should().Be("AC0123456789abcdef0123456789abcdef");
        hit["Level"].Should().Be("Error");
        hit["PayloadType"].Should().Be("application/json");
        IsoUtc().IsMatch(hit["Timestamp"]!).Should().BeTrue();
        using var payload = JsonDocument.Parse(hit["Payload"]!);
        var root = payload.RootElement;
        root.GetProperty("resource_sid").GetString().Should().Be("CA0123456789abcdef0123456789abcdef");
        root.GetProperty("error_code").GetString().Should().Be("11200");
        root.GetProperty("more_info").GetProperty("Msg").GetString().Should().Be("HTTP 500 from app.example.com");
        root.GetProperty("webhook").GetProperty("request").GetProperty("url").GetString().Should().Be("https://app.example.com/voice");
        root.GetProperty("webhook").GetProperty("response").GetProperty("status_code").GetString().Should().Be("500");
        root.GetProperty("webhook").GetProperty("response").GetProperty("body").GetString().Should().Be("Traceback");
    }

    [Test]
    public void ToJson_NoRequest_HasNoWebhookObjectAndKeepsExtraInfo()
    {
        var json = DebuggerPayload.ToJson(new DebuggerNotification
        {
            AccountSid = "AC1",
            ErrorCode = 12100,
            Message = "Document parse failure",
            Level = DebuggerLevel.Warning,
            MoreInfo = new Dictionary<string, string> { ["line"] = "3", ["column"] = "7" },
        });

        using var payload = JsonDocument.Parse(json);
        payload.RootElement.TryGetProperty("webhook", out _).Should().BeFalse();
        payload.RootElement.GetProperty("more_info").GetProperty("line").GetString().Should().Be("3");
        payload.RootElement.GetProperty("resource_sid").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")]
    private static partial Regex IsoUtc();
}
