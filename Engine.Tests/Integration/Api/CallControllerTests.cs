using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Tests.Integration.Calls;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// The click-to-call controller on the real path: baresip registered as a Client is rung, answers, is
/// REFERred and calls a SIPp UAS itself; a SIPp phone that refuses REFER is bridged by the engine; a phone
/// that does not answer fails with its SIP code. GET reports each stage.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class CallControllerTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "c2c-secret-token";

    [Test]
    [CancelAfter(60_000)]
    public async Task Post_RegisteredBaresip_ReferredAndCallsTheCalledPartyItself(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_c2c_answer_then_bye.xml");
        await using var engine = await StartEngineAsync(cancellationToken);
        await using var phone = await BaresipRunner.StartAsync(new BaresipOptions
        {
            User = "alice", Password = "wonderland", Registrar = DialTests.Registrar(engine, SipTransportKind.Udp), RegisterInterval = 300, AnswerMode = "auto",
        }, cancellationToken);
        await phone.WaitForRegistrationAsync(cancellationToken);
        using var http = Client(engine);
        var path = $"/callcontroller/alice/{Uri.EscapeDataString($"sip:bob@127.0.0.1:{callee.Port.ToString(CultureInfo.InvariantCulture)}")}";

        using var posted = await http.PostAsync(path + "?agent=reception&subject=Call%20back&timeout=20", null, cancellationToken);
        var started = await JsonOf(posted, cancellationToken);

        posted.StatusCode.Should().Be(HttpStatusCode.Accepted, started.ToString());
        started.GetProperty("state").GetString().Should().Be("ringing");
        posted.Headers.Location!.ToString().Should().StartWith("/callcontroller/alice/");
        var done = await WaitForEndAsync(http, path, cancellationToken);
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe() + phone.Describe());
        done.GetProperty("state").GetString().Should().Be("connected", done + engine.Log + phone.Describe());
        done.GetProperty("mode").GetString().Should().Be("refer");

        // baresip 1.0 reports its own call as NOTIFY 100 then 200 (no 180 sipfrag), so no transfer-ringing here.
        StatesOf(done).Should().Equal(["ringing", "answered", "referred", "connected"], done + engine.Log + phone.Describe());
        EventOf(done, "referred").GetProperty("sip_code").GetInt32().Should().Be(202);
        EventOf(done, "connected").GetProperty("sip_code").GetInt32().Should().Be(200);

        // baresip placed the call to the called party itself: its INVITE came from baresip, not from the engine.
        var invite = callee.Messages();
        invite.Should().Contain("INVITE sip:bob@127.0.0.1").And.Contain("User-Agent: baresip", "baresip placed the call");
        invite.Should().Contain($"127.0.0.1:{phone.SipPort.ToString(CultureInfo.InvariantCulture)}", "the INVITE's Via names baresip");
        phone.Output.Should().Contain("transferring call").And.Contain("to '<sip:bob@127.0.0.1:", "baresip followed the REFER");
        phone.Output.Should().Contain("call on line 1 from sip:reception@127.0.0.1", "the phone shows the agent as the caller");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Post_PhoneReportsRingingAndAnswer_EveryStageInOrderThenEngineHangsUp(CancellationToken cancellationToken)
    {
        await using var calling = SippRunner.StartUas("uas_c2c_accept_refer.xml");
        await using var engine = await StartEngineAsync(cancellationToken);
        using var http = Client(engine);
        var path = $"/callcontroller/{Uri.EscapeDataString(SippUri("desk", calling))}/{Uri.EscapeDataString("sip:bob@127.0.0.1:5999")}";

        using var posted = await http.PostAsync(path + "?agent=agent007", null, cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var done = await WaitForEndAsync(http, path, cancellationToken);

        StatesOf(done).Should().Equal(["ringing", "answered", "referred", "transfer-ringing", "connected"], done + engine.Log);
        EventOf(done, "transfer-ringing").GetProperty("sip_code").GetInt32().Should().Be(180);
        EventOf(done, "connected").GetProperty("sip_code").GetInt32().Should().Be(200);
        done.GetProperty("mode").GetString().Should().Be("refer");
        (await calling.WaitAsync(cancellationToken)).Should().Be(0, "Referred-By named the agent and the engine hung up: " + calling.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Post_PhoneRefusesRefer_EngineBridgesAndGetSaysBridged(CancellationToken cancellationToken)
    {
        await using var called = SippRunner.StartUas("uas_c2c_answer_then_bye.xml");
        await using var calling = SippRunner.StartUas("uas_c2c_refuse_refer.xml");
        await using var engine = await StartEngineAsync(cancellationToken);
        using var http = Client(engine);
        var path = $"/callcontroller/{Uri.EscapeDataString(SippUri("desk", calling))}/{Uri.EscapeDataString(SippUri("bob", called))}";

        using var posted = await http.PostAsync(path + "?agent=agent007&subject=Sales%20lead%2042", null, cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync(cancellationToken));
        var done = await WaitForEndAsync(http, path, cancellationToken);

        (await calling.WaitAsync(cancellationToken)).Should().Be(0, "Subject, From, Referred-By and Refer-To were as expected: " + calling.Describe());
        (await called.WaitAsync(cancellationToken)).Should().Be(0, called.Describe());
        done.GetProperty("mode").GetString().Should().Be("bridged", done + engine.Log);
        done.GetProperty("state").GetString().Should().Be("connected");
        done.GetProperty("bridged_call_sid").GetString().Should().StartWith("CA");
        StatesOf(done).Should().Equal(["ringing", "answered", "transfer-ringing", "connected"], done.ToString());
        engine.Log.Should().Contain("refused the transfer (405)").And.Contain("bridged by the engine");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Post_CallingPartyDoesNotAnswer_FailedWithSipCode(CancellationToken cancellationToken)
    {
        await using var calling = SippRunner.StartUas("uas_ring_until_cancel.xml");
        await using var engine = await StartEngineAsync(cancellationToken);
        using var http = Client(engine);
        var path = $"/callcontroller/{Uri.EscapeDataString(SippUri("desk", calling))}/bob";

        using var posted = await http.PostAsync(path + "?timeout=2&resultCacheTime=30", null, cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var done = await WaitForEndAsync(http, path, cancellationToken);

        done.GetProperty("state").GetString().Should().Be("failed", done.ToString());
        done.GetProperty("sip_code").GetInt32().Should().Be(487, "the engine cancelled the ringing after the timeout");
        done.GetProperty("error").GetString().Should().Contain("did not answer");
        StatesOf(done).Should().Equal(["ringing", "failed"]);
        EventOf(done, "ringing").GetProperty("sip_code").GetInt32().Should().Be(180);
        (await calling.WaitAsync(cancellationToken)).Should().Be(0, calling.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Post_ForwardingNotAllowed_RedirectEndsTheSetupWithItsCode(CancellationToken cancellationToken)
    {
        await using var calling = SippRunner.StartUas("uas_c2c_redirect.xml");
        await using var engine = await StartEngineAsync(cancellationToken);
        using var http = Client(engine);
        var path = $"/callcontroller/{Uri.EscapeDataString(SippUri("desk", calling))}/bob";

        using var posted = await http.PostAsync(path + "?isForwardingAllowed=false", null, cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var done = await WaitForEndAsync(http, path, cancellationToken);

        done.GetProperty("state").GetString().Should().Be("failed", done.ToString());
        done.GetProperty("sip_code").GetInt32().Should().Be(302);
        done.GetProperty("is_forwarding_allowed").GetBoolean().Should().BeFalse();
        (await calling.WaitAsync(cancellationToken)).Should().Be(0, calling.Describe());
    }

    private static async Task<TestEngine> StartEngineAsync(CancellationToken cancellationToken) =>
        await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
            ["Clients:0:Name"] = "alice",
            ["Clients:0:Password"] = "wonderland",
        }, cancellationToken);

    private static HttpClient Client(TestEngine engine)
    {
        var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")));
        return http;
    }

    private static string SippUri(string user, SippRunner sipp) => $"sip:{user}@127.0.0.1:{sipp.Port.ToString(CultureInfo.InvariantCulture)}";

    internal static async Task<JsonElement> JsonOf(HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();

    // Polls GET (the controller's only way to report) until the setup's work has ended.
    private static async Task<JsonElement> WaitForEndAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await http.GetAsync(path, cancellationToken);
            var status = await JsonOf(response, cancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.OK, status.ToString());
            if (status.GetProperty("ended_at").ValueKind == JsonValueKind.String)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        }
    }

    private static List<string?> StatesOf(JsonElement status) =>
        [.. status.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("state").GetString())];

    private static JsonElement EventOf(JsonElement status, string state) =>
        status.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("state").GetString() == state);
}
