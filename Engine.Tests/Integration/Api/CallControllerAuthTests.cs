using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// The call controller's authentication and input checks over raw HTTP: 401 with Digest (SHA-256, MD5) and
/// Basic challenges, HTTP Digest computed by the test (RFC 7616, qop=auth), replays refused, 400s naming
/// the parameter, 404 for an unknown setup. The parties are an unregistered client: the setup fails at once, no peer needed.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed partial class CallControllerAuthTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "c2c-secret-token";
    private const string Path = "/callcontroller/nobody/somebody";
    private TestEngine _engine = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _engine = await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
            ["CallController:DigestRealm"] = "c2c@test",
        }, CancellationToken.None);
        _http = new HttpClient { BaseAddress = _engine.HttpBaseUrl };
    }

    [OneTimeTearDown]
    public async Task OneTimeTearDown()
    {
        _http.Dispose();
        await _engine.DisposeAsync();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Post_NoCredentials_401WithDigestAndBasicChallenges(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(Path, null, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var challenges = response.Headers.WwwAuthenticate.Select(h => h.ToString()).ToList();
        challenges.Should().Contain(c => c.StartsWith("Digest ", StringComparison.Ordinal) && c.Contains("algorithm=SHA-256", StringComparison.Ordinal) && c.Contains("qop=\"auth\"", StringComparison.Ordinal));
        challenges.Should().Contain(c => c.StartsWith("Digest ", StringComparison.Ordinal) && c.Contains("algorithm=MD5", StringComparison.Ordinal));
        challenges.Should().Contain(c => c.StartsWith("Basic realm=\"c2c@test\"", StringComparison.Ordinal));
        var error = await CallControllerTests.JsonOf(response, cancellationToken);
        error.GetProperty("error").GetString().Should().Be("unauthorized");
    }

    [TestCase("SHA-256")]
    [TestCase("MD5")]
    [CancelAfter(20_000)]
    public async Task Post_Digest_AcceptedAndGetFindsTheSetup(string algorithm, CancellationToken cancellationToken)
    {
        var path = $"/callcontroller/nobody-{algorithm}/somebody?timeout=5";
        using var posted = await SendDigestAsync(HttpMethod.Post, path, algorithm, AuthToken, cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync(cancellationToken));

        using var got = await SendDigestAsync(HttpMethod.Get, $"/callcontroller/nobody-{algorithm}/somebody", algorithm, AuthToken, cancellationToken);
        got.StatusCode.Should().Be(HttpStatusCode.OK);
        var status = await CallControllerTests.JsonOf(got, cancellationToken);
        status.GetProperty("calling_party").GetString().Should().Be($"nobody-{algorithm}");
        status.GetProperty("timeout").GetInt32().Should().Be(5);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Post_DigestWithWrongToken_401(CancellationToken cancellationToken)
    {
        using var response = await SendDigestAsync(HttpMethod.Post, Path, "SHA-256", "not-the-token", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Post_DigestReplayed_SecondIs401(CancellationToken cancellationToken)
    {
        var challenge = await ChallengeAsync("SHA-256", cancellationToken);
        var authorization = Digest(challenge, HttpMethod.Get, "/callcontroller/replay/somebody", "SHA-256", AuthToken, "00000001");
        using var first = await SendAsync(HttpMethod.Get, "/callcontroller/replay/somebody", authorization, cancellationToken);
        using var again = await SendAsync(HttpMethod.Get, "/callcontroller/replay/somebody", authorization, cancellationToken);

        first.StatusCode.Should().Be(HttpStatusCode.NotFound, "authenticated: no such setup");
        again.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the same nonce count again is a replay");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Get_UnknownSetup_404(CancellationToken cancellationToken)
    {
        using var response = await SendBasicAsync(HttpMethod.Get, "/callcontroller/never/started", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CallControllerTests.JsonOf(response, cancellationToken)).GetProperty("error").GetString().Should().Be("not-found");
    }

    [TestCase("?timeout=0", "timeout")]
    [TestCase("?timeout=abc", "timeout")]
    [TestCase("?resultCacheTime=99999", "resultCacheTime")]
    [TestCase("?isForwardingAllowed=maybe", "isForwardingAllowed")]
    [TestCase("?subject=a%0D%0AVia:%20evil", "subject")]
    [TestCase("?agent=%3Cbad%3E", "agent")]
    [TestCase("?timeout=5&timeout=6", "timeout")]
    [CancelAfter(20_000)]
    public async Task Post_BadParameter_400NamingIt(string query, string parameter, CancellationToken cancellationToken)
    {
        using var response = await SendBasicAsync(HttpMethod.Post, "/callcontroller/bad-input/somebody" + query, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await CallControllerTests.JsonOf(response, cancellationToken);
        error.GetProperty("parameter").GetString().Should().Be(parameter, error.ToString());
        error.GetProperty("message").GetString().Should().Contain(parameter);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Post_CallingPartyTooLong_400NamingIt(CancellationToken cancellationToken)
    {
        using var response = await SendBasicAsync(HttpMethod.Post, $"/callcontroller/{new string('a', 300)}/somebody", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CallControllerTests.JsonOf(response, cancellationToken)).GetProperty("parameter").GetString().Should().Be("callingParty");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Post_UnregisteredClient_FailedWithTheReason(CancellationToken cancellationToken)
    {
        using var posted = await SendBasicAsync(HttpMethod.Post, "/callcontroller/ghost/somebody", cancellationToken);
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted);

        var status = await CallControllerTests.JsonOf(posted, cancellationToken);
        while (status.GetProperty("ended_at").ValueKind != System.Text.Json.JsonValueKind.String)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
            using var got = await SendBasicAsync(HttpMethod.Get, "/callcontroller/ghost/somebody", cancellationToken);
            status = await CallControllerTests.JsonOf(got, cancellationToken);
        }

        status.GetProperty("state").GetString().Should().Be("failed", status.ToString());
        status.GetProperty("error").GetString().Should().Contain("callingParty 'ghost' cannot be called");
    }

    private Task<HttpResponseMessage> SendBasicAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
        SendAsync(method, path, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"))), cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, AuthenticationHeaderValue authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = authorization;
        return await _http.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendDigestAsync(HttpMethod method, string path, string algorithm, string password, CancellationToken cancellationToken)
    {
        var challenge = await ChallengeAsync(algorithm, cancellationToken);
        return await SendAsync(method, path, Digest(challenge, method, path, algorithm, password, "00000001"), cancellationToken);
    }

    // The challenge of the given algorithm from a 401: realm, nonce and opaque.
    private async Task<Dictionary<string, string>> ChallengeAsync(string algorithm, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(Path, cancellationToken);
        var header = response.Headers.WwwAuthenticate.Select(h => h.ToString())
            .Single(h => h.StartsWith("Digest ", StringComparison.Ordinal) && h.Contains("algorithm=" + algorithm + ",", StringComparison.Ordinal));
        return ParameterPattern().Matches(header).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
    }

    private static AuthenticationHeaderValue Digest(Dictionary<string, string> challenge, HttpMethod method, string uri, string algorithm, string password, string nc)
    {
#pragma warning disable CA5351 // RFC 7616 MD5 is what the controller must accept from old clients.
        string Hash(string text) => Convert.ToHexStringLower(algorithm == "MD5"
            ? MD5.HashData(Encoding.UTF8.GetBytes(text))
            : SHA256.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
        var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var ha1 = Hash($"{AccountSid}:{challenge["realm"]}:{password}");
        var ha2 = Hash($"{method.Method}:{uri}");
        var response = Hash($"{ha1}:{challenge["nonce"]}:{nc}:{cnonce}:auth:{ha2}");
        return new AuthenticationHeaderValue("Digest", string.Create(CultureInfo.InvariantCulture,
            $"username=\"{AccountSid}\", realm=\"{challenge["realm"]}\", nonce=\"{challenge["nonce"]}\", uri=\"{uri}\", algorithm={algorithm}, qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\", opaque=\"{challenge["opaque"]}\""));
    }

    [GeneratedRegex("([a-z]+)=(?:\"([^\"]*)\"|([^,\\s]+))")]
    private static partial Regex ParameterPattern();
}
