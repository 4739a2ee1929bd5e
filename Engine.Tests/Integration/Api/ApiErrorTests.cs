using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// The REST API's refusals with plain HTTP, as Twilio answers them: 401 with the Basic challenge, 404 for
/// another account's resources, 400 naming the parameter with Twilio's codes, 429 past the rate limit,
/// and the loopback-only default account when none is configured.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ApiErrorTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string OtherSid = "ACfedcba9876543210fedcba9876543210";
    private const string AuthToken = "api-test-token";
    private TestEngine _engine = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
            ["Accounts:1:AccountSid"] = OtherSid,
            ["Accounts:1:AuthToken"] = "other-token",
            ["Api:MaxRequestsPerSecond"] = "20",
        }, CancellationToken.None);
        _http = new HttpClient { BaseAddress = _engine.HttpBaseUrl };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _engine.DisposeAsync();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Calls_NoCredentials_401WithChallengeAndCode20003(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"/2010-04-01/Accounts/{AccountSid}/Calls.json", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic realm=");
        var error = await ErrorOf(response, cancellationToken);
        error.GetProperty("code").GetInt32().Should().Be(20003);
        error.GetProperty("status").GetInt32().Should().Be(401);
        error.GetProperty("more_info").GetString().Should().Be("https://www.twilio.com/docs/errors/20003");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Calls_WrongToken_401(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/2010-04-01/Accounts/{AccountSid}/Calls.json", null, AccountSid, "wrong", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [TestCase("/Calls.json")]
    [TestCase("/Calls/CA0123456789abcdef0123456789abcdef.json")]
    [TestCase("/Recordings.json")]
    [CancelAfter(20_000)]
    public async Task AnotherAccountsPath_404NeverThe403(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/2010-04-01/Accounts/{OtherSid}{path}", null, AccountSid, AuthToken, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(response, cancellationToken)).GetProperty("code").GetInt32().Should().Be(20404);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task FetchCall_Unknown_404WithThePath(CancellationToken cancellationToken)
    {
        var path = $"/2010-04-01/Accounts/{AccountSid}/Calls/CA0123456789abcdef0123456789abcdef.json";
        using var response = await SendAsync(HttpMethod.Get, path, null, AccountSid, AuthToken, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(response, cancellationToken)).GetProperty("message").GetString().Should().Contain(path);
    }

    [TestCase("From=%2B15550001111&Url=http%3A%2F%2F127.0.0.1%2Fv", 21201, "To")]
    [TestCase("To=sip%3Aa%40127.0.0.1&Url=http%3A%2F%2F127.0.0.1%2Fv", 21603, "From")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555", 21205, "Url or Twiml")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Url=ftp%3A%2F%2Fhost%2Fv", 21205, "Url")]
    [TestCase("To=not+a+number&From=%2B1555&Url=http%3A%2F%2F127.0.0.1%2Fv", 21211, "To")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Url=http%3A%2F%2F127.0.0.1%2Fv&Method=PUT", 20001, "Method")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Url=http%3A%2F%2F127.0.0.1%2Fv&Timeout=soon", 20001, "Timeout")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Twiml=%3CResponse%3E%3CSay%3E", 12100, "line 1")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Twiml=%3CResponse%3E%3CDial%3E%3CDial%2F%3E%3C%2FDial%3E%3C%2FResponse%3E", 12100, "Twiml is not valid")]
    [TestCase("to=sip%3Aa%40127.0.0.1&From=%2B1555&Url=http%3A%2F%2F127.0.0.1%2Fv", 21201, "To")]
    [CancelAfter(20_000)]
    public async Task CreateCall_BadParameter_400NamingIt(string form, int code, string named, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/2010-04-01/Accounts/{AccountSid}/Calls.json", form, AccountSid, AuthToken, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ErrorOf(response, cancellationToken);
        error.GetProperty("code").GetInt32().Should().Be(code);
        error.GetProperty("message").GetString().Should().Contain(named);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task CreateCall_NumberWithoutATrunk_400SayingWhy(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/2010-04-01/Accounts/{AccountSid}/Calls.json",
            "To=%2B15551234567&From=%2B15550001111&Url=http%3A%2F%2F127.0.0.1%2Fv", AccountSid, AuthToken, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ErrorOf(response, cancellationToken);
        error.GetProperty("code").GetInt32().Should().Be(21211);
        error.GetProperty("message").GetString().Should().Contain("trunk");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Requests_OverTheRateLimit_429WithCode20429(CancellationToken cancellationToken)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            using var response = await SendAsync(HttpMethod.Get, $"/2010-04-01/Accounts/{OtherSid}/Calls.json", null, OtherSid, "other-token", cancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (await ErrorOf(response, cancellationToken)).GetProperty("code").GetInt32().Should().Be(20429);
                break;
            }
        }

        statuses.Should().Contain(HttpStatusCode.OK).And.Contain(HttpStatusCode.TooManyRequests, "60 requests at once exceed a burst of 40");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task OpenApiDocument_IsServedAndNamesTheCallsPath(CancellationToken cancellationToken)
    {
        var json = await _http.GetStringAsync("/openapi/v1.json", cancellationToken);

        json.Should().Contain("/2010-04-01/Accounts/{AccountSid}/Calls.json");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task NoAccountConfigured_LoopbackAnswersAsTheDefaultAccount(CancellationToken cancellationToken)
    {
        await using var open = await TestEngine.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        using var http = new HttpClient { BaseAddress = open.HttpBaseUrl };

        using var response = await http.GetAsync("/2010-04-01/Accounts/AC00000000000000000000000000000000/Calls.json", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK, open.Log);
        var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        list.GetProperty("calls").GetArrayLength().Should().Be(0);
        list.GetProperty("page_size").GetInt32().Should().Be(50);
        list.GetProperty("next_page_uri").ValueKind.Should().Be(JsonValueKind.Null);
        open.Log.Should().Contain("loopback");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? form, string user, string password, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        if (form is not null)
        {
            request.Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return await _http.SendAsync(request, cancellationToken);
    }

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
}
