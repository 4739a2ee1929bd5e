using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Twilio.Clients;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// An engine with one API account, for REST API tests: Twilio's C# helper library pointed at it
/// (<see cref="Client"/>) for the happy paths, and raw signed requests (<see cref="SendAsync"/>) for errors.
/// </summary>
internal sealed class ApiTestEngine : IAsyncDisposable
{
    private ApiTestEngine(TestEngine engine, string accountSid, string authToken)
    {
        Engine = engine;
        AccountSid = accountSid;
        AuthToken = authToken;
        Http = new HttpClient { BaseAddress = engine.HttpBaseUrl };
        Client = TwilioTestClient.Create(engine.HttpBaseUrl, accountSid, authToken);
    }

    public TestEngine Engine { get; }

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>Unauthenticated requests to the engine's HTTP server.</summary>
    public HttpClient Http { get; }

    public TwilioRestClient Client { get; }

    /// <summary>Starts an engine whose only API account is <paramref name="accountSid"/>.</summary>
    public static async Task<ApiTestEngine> StartAsync(string accountSid, string authToken) =>
        new(await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = accountSid,
            ["Accounts:0:AuthToken"] = authToken,
        }, CancellationToken.None), accountSid, authToken);

    /// <summary>A request to <c>/2010-04-01/Accounts/{AccountSid}{path}</c> with HTTP Basic credentials and an optional form body.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"/2010-04-01/Accounts/{AccountSid}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")));
        if (form is not null)
        {
            request.Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return await Http.SendAsync(request, cancellationToken);
    }

    /// <summary>The JSON body of an error answer.</summary>
    public static async Task<JsonElement> ErrorOf(HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Engine.DisposeAsync();
    }
}
