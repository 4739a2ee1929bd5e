using Twilio.Clients;
using Twilio.Http;
using HttpClient = System.Net.Http.HttpClient;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Twilio's own C# helper library pointed at a test engine: unchanged but for its HTTP client, whose
/// handler sends the library's <c>https://api.twilio.com/...</c> requests to the engine's HTTP port.
/// </summary>
internal static class TwilioTestClient
{
    /// <summary>A client of <paramref name="engineBaseUrl"/> as account <paramref name="accountSid"/> with <paramref name="authToken"/>.</summary>
    public static TwilioRestClient Create(Uri engineBaseUrl, string accountSid, string authToken)
    {
#pragma warning disable CA2000 // The HttpClient owns its handler and lives as long as the test's client.
        var http = new HttpClient(new RedirectToEngine(engineBaseUrl));
#pragma warning restore CA2000
        return new TwilioRestClient(accountSid, authToken, httpClient: new SystemNetHttpClient(http));
    }

    private sealed class RedirectToEngine(Uri engine) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var original = request.RequestUri!;
            request.RequestUri = new UriBuilder(original) { Scheme = engine.Scheme, Host = engine.Host, Port = engine.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
