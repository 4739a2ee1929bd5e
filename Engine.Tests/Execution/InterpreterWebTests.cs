using System.Text.Json;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution;

/// <summary>The interpreter against a real HTTP application: what the application receives and when.</summary>
[TestFixture]
public sealed class InterpreterWebTests
{
    [Test]
    [CancelAfter(15_000)]
    public async Task VoiceUrl_ReceivesTwiliosSignedParameters(CancellationToken ct)
    {
        await using var harness = await WebInterpreterHarness.StartAsync(ct);
        harness.App.MapXml("/voice", "<Response><Say>Hello</Say></Response>").RequireSignature(WebInterpreterHarness.AuthToken);
        using var phone = harness.NewPhone();

        var result = await harness.RunAsync(phone, harness.Application(), ct);

        result.Errors.Should().Be(0);
        phone.Heard.Should().Equal("Say (man, en): Hello");
        var request = harness.App.RequestsTo("/voice").Single();
        request.Method.Should().Be("POST");
        request.HasValidSignature(WebInterpreterHarness.AuthToken).Should().BeTrue();
        request.Form.Should().Contain(new Dictionary<string, string>
        {
            ["CallSid"] = phone.Info.CallSid,
            ["AccountSid"] = harness.Account.AccountSid,
            ["From"] = "+15550001111",
            ["To"] = "+15550002222",
            ["CallStatus"] = "ringing",
            ["ApiVersion"] = "2010-04-01",
            ["Direction"] = "inbound",
            ["CallerName"] = "Alice",
            ["SipCallId"] = "a84b4c76e66710@pc33.example.com",
            ["SipSourceIp"] = "127.0.0.1",
            ["SipHeader_X-Customer-Id"] = "42",
        });
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task GatherAction_PostsDigits123SignedToTheApp(CancellationToken ct)
    {
        await using var harness = await WebInterpreterHarness.StartAsync(ct);
        harness.App.MapXml("/voice", "<Response><Gather numDigits=\"3\" action=\"/gathered\"><Say>code please</Say></Gather></Response>")
            .MapXml("/gathered", "<Response><Say>thanks</Say></Response>")
            .RequireSignature(WebInterpreterHarness.AuthToken);
        using var phone = harness.NewPhone(new ScriptedCaller(["123"]));

        await harness.RunAsync(phone, harness.Application(), ct);

        var action = harness.App.RequestsTo("/gathered").Single();
        action["Digits"].Should().Be("123");
        action["CallStatus"].Should().Be("in-progress");
        action.HasValidSignature(WebInterpreterHarness.AuthToken).Should().BeTrue();
        phone.Heard.Should().EndWith("Say (man, en): thanks");
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task AppDown_FallbackUrlRuns(CancellationToken ct)
    {
        await using var harness = await WebInterpreterHarness.StartAsync(ct);
        harness.App.MapXml("/fallback", "<Response><Say>fallback speaking</Say></Response>");
        var down = TestWebApp.UnusedLoopbackUrl("/voice");
        using var phone = harness.NewPhone();

        await harness.RunAsync(phone, new CallApplication { VoiceUrl = down, VoiceFallbackUrl = harness.App.Url("/fallback") }, ct);

        phone.Heard.Should().Equal("Say (man, en): fallback speaking");
        var fallback = harness.App.RequestsTo("/fallback").Single();
        fallback["ErrorCode"].Should().Be("11205");
        fallback["ErrorUrl"].Should().Be(down.OriginalString);
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task AppAndFallbackFail_ApologyThenEnd_ErrorsPostedToTheDebugger(CancellationToken ct)
    {
        await using var harness = await WebInterpreterHarness.StartAsync(ct);
        harness.App.Map("/voice", TestResponse.Status(500, "stack trace"))
            .Map("/fallback", new TestResponse { ContentType = "application/json", Body = "{}" })
            .RequireSignature(WebInterpreterHarness.AuthToken);
        using var phone = harness.NewPhone();

        var result = await harness.RunAsync(phone, harness.Application() with { VoiceFallbackUrl = harness.App.Url("/fallback") }, ct);

        phone.Heard.Should().ContainSingle().Which.Should().Contain("Sorry");
        result.Status.Should().Be(CallStatus.Completed);
        var posts = await harness.App.WaitForRequestsAsync("/debugger", 2, ct);
        var payloads = posts.Select(p => JsonDocument.Parse(p["Payload"]!).RootElement).ToList();
        payloads.Select(p => p.GetProperty("error_code").GetString()).Should().Equal("11200", "12300");
        payloads[0].GetProperty("resource_sid").GetString().Should().Be(phone.Info.CallSid);
        payloads[0].GetProperty("webhook").GetProperty("response").GetProperty("body").GetString().Should().Be("stack trace");
        posts.Should().AllSatisfy(p => p.HasValidSignature(WebInterpreterHarness.AuthToken).Should().BeTrue());
        posts.Should().AllSatisfy(p => p["AccountSid"].Should().Be(harness.Account.AccountSid));
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task InvalidRcml_12100ToTheDebugger(CancellationToken ct)
    {
        await using var harness = await WebInterpreterHarness.StartAsync(ct);
        harness.App.MapXml("/voice", "<Response><Say>broken</Response>");
        using var phone = harness.NewPhone();

        await harness.RunAsync(phone, harness.Application(), ct);

        var post = await harness.App.WaitForRequestAsync("/debugger", ct);
        post["Level"].Should().Be("Error");
        JsonDocument.Parse(post["Payload"]!).RootElement.GetProperty("error_code").GetString().Should().Be("12100");
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task StatusCallbacks_ArriveInOrderWithSequenceNumbers_EvenWhenTheReceiverFails(CancellationToken ct)
    {
        await using var harness = await WebInterpreterHarness.StartAsync(ct);
        harness.App.MapXml("/voice", "<Response><Say>hi</Say><Hangup/></Response>").Fail("/status", times: 2, statusCode: 503);
        using var phone = harness.NewPhone();
        var application = harness.Application() with
        {
            StatusCallback = harness.App.Url("/status"),
            StatusCallbackEvent = CallProgressEvents.Initiated | CallProgressEvents.Ringing | CallProgressEvents.Answered | CallProgressEvents.Completed,
        };

        await harness.RunAsync(phone, application, ct);
        await harness.Dispatcher.WhenIdleAsync(ct);

        var delivered = harness.App.RequestsTo("/status").Where(r => r["CallStatus"] is not null).ToList();
        var firstDelivery = delivered.GroupBy(r => r["SequenceNumber"]).Select(g => g.First()).ToList();
        firstDelivery.Select(r => r["SequenceNumber"]).Should().Equal("0", "1", "2", "3");
        firstDelivery.Select(r => r["CallStatus"]).Should().Equal("initiated", "ringing", "in-progress", "completed");
        firstDelivery[^1]["CallDuration"].Should().NotBeNull();
        firstDelivery.Should().AllSatisfy(r =>
        {
            r["CallbackSource"].Should().Be("call-progress-events");
            r["Timestamp"].Should().EndWith("+0000");
        });
        delivered.Select(r => int.Parse(r["SequenceNumber"]!, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInAscendingOrder("a callback is retried until delivered before the next is sent");
    }
}
