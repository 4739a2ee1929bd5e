using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Calls.Records;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Observability;

/// <summary>
/// Issue 19 on the real path: SIPp calls an IVR (Gather, keys pressed as RFC 2833 events) and a Dial to a SIPp
/// callee that challenges with 407; the console, opened in headless Chromium, lists both calls and shows each
/// call's INVITE, fetched documents, verbs, keys, credentials masked, and the status code of a failing callback.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ConsoleTests
{
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("espeak-ng");
        HeadlessChromium.Require();
        RawSockets.Require();

        _app = await TestWebApp.StartAsync();
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(120_000)]
    public async Task Console_IvrAndDialCalls_ChromiumShowsCallsTimelinesAndFailingCallback(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_auth407.xml");
        _app.MapXml("/ivr", """
            <Response>
              <Gather numDigits="3" timeout="10" action="/gathered">
                <Say>Please enter your three digit code now, then wait a moment for the next step.</Say>
              </Gather>
            </Response>
            """);
        _app.MapXml("/gathered", "<Response><Hangup/></Response>");
        _app.Fail("/status", times: 1000, statusCode: 503);
        _app.MapXml("/dial", $"<Response><Dial action=\"/done\" timeLimit=\"1\"><Sip username=\"trunkuser\" password=\"trunkpass\">sip:service@127.0.0.1:{callee.Port};transport=udp</Sip></Dial></Response>");
        _app.MapXml("/done", "<Response><Hangup/></Response>");
        var settings = new Dictionary<string, string?>
        {
            ["Applications:0:User"] = "ivr",
            ["Applications:0:VoiceUrl"] = _app.Url("/ivr").ToString(),
            ["Applications:0:StatusCallback"] = _app.Url("/status").ToString(),
            ["Applications:1:User"] = "dial",
            ["Applications:1:VoiceUrl"] = _app.Url("/dial").ToString(),
            ["Webhooks:Callbacks:MaxRetries"] = "0",
        };
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        await using (var ivr = SippRunner.Call(engine.SipPort, "ivr", "uac_dtmf_123.xml"))
        {
            (await ivr.WaitAsync(cancellationToken)).Should().Be(0, ivr.Describe() + engine.Log);
        }

        await using (var dial = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml"))
        {
            (await dial.WaitAsync(cancellationToken)).Should().Be(0, dial.Describe() + engine.Log);
        }

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe());
        var ivrSid = _app.RequestsTo("/ivr").Should().ContainSingle().Subject["CallSid"]!;
        var dialSid = _app.RequestsTo("/dial").Should().ContainSingle().Subject["CallSid"]!;
        await _app.WaitForRequestAsync("/status", cancellationToken);
        await engine.Services.GetRequiredService<CallRecordKeeper>().FlushAsync(cancellationToken);
        var console = new Uri(engine.HttpBaseUrl, "/console");

        var list = await HeadlessChromium.DumpDomAsync(console, cancellationToken);
        list.Should().Contain("id=\"recent-calls\"").And.Contain(ivrSid).And.Contain(dialSid);

        var ivrPage = await HeadlessChromium.DumpDomAsync(new Uri(console + "/calls/" + ivrSid), cancellationToken);
        ivrPage.Should().Contain("INVITE sip:ivr@127.0.0.1", "the INVITE received is on the timeline");
        ivrPage.Should().Contain(_app.Url("/ivr") + " → HTTP 200", "the document fetched, with its status");
        ivrPage.Should().Contain("&lt;Gather numDigits=\"3\"", "the document itself is shown");
        ivrPage.Should().Contain("&lt;Gather&gt; started").And.Contain("keys 123").And.Contain(_app.Url("/gathered") + " → HTTP 200");
        ivrPage.Should().Contain("&lt;Hangup&gt; started");
        ivrPage.Should().MatchRegex(@"<tr class=""failed"">.*status [a-z-]+: POST " + System.Text.RegularExpressions.Regex.Escape(_app.Url("/status").ToString()) + " → HTTP 503",
            "a failing callback shows its status code");

        var dialPage = await HeadlessChromium.DumpDomAsync(new Uri(console + "/calls/" + dialSid), cancellationToken);
        dialPage.Should().Contain("&lt;Dial&gt; started").And.Contain("→ INVITE sip:service@127.0.0.1", "the leg's INVITE is on the caller's timeline");
        dialPage.Should().Contain("← 407 Proxy Authentication Required");
        dialPage.Should().Contain("Proxy-Authorization: Digest ********").And.Contain("Authorization: Digest ********");
        dialPage.Should().NotMatchRegex("Authorization: [^\n]*response=", "credentials are masked (the callee's X-Checked echo is its own)");
        dialPage.Should().Contain("id=\"legs\"", "the Dial's leg is linked");

        using var shots = new TempDirectory();
        var shot = shots.File("call.png");
        await HeadlessChromium.ScreenshotAsync(new Uri(console + "/calls/" + ivrSid), shot, cancellationToken);
        var size = new FileInfo(shot).Length;
        size.Should().BeGreaterThan(20_000, "a rendered page, not a blank one");
        TestContext.Out.WriteLine($"screenshot {shot}: {size} bytes");
        if (Environment.GetEnvironmentVariable("RCML_CONSOLE_SCREENSHOT") is { Length: > 0 } keep)
        {
            File.Copy(shot, keep, overwrite: true);
        }

        TestContext.AddTestAttachment(shot, "the IVR call's console page");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Console_AccountConfigured_401WithoutCredentialsAndOwnCallsWith(CancellationToken cancellationToken)
    {
        const string Sid = "AC22222222222222222222222222222222";
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = Sid,
            ["Accounts:0:AuthToken"] = "console-token",
        }, cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };

        using var anonymous = await http.GetAsync("/console", cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/conferences");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Sid + ":console-token")));
        using var signedIn = await http.SendAsync(request, cancellationToken);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Basic");
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signedIn.Content.ReadAsStringAsync(cancellationToken)).Should().Contain("id=\"conferences\"").And.Contain(Sid);
    }
}
