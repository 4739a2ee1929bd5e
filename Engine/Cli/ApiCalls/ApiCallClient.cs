using System.Net.Http.Headers;
using System.Text;

namespace RcmlEngine.Cli.ApiCalls;

/// <summary>
/// The few requests <c>rcml call</c> makes to the engine's REST API, as Twilio's helper libraries make them:
/// form posts and gets under <c>/2010-04-01/Accounts/{AccountSid}/</c>, with HTTP Basic.
/// </summary>
internal sealed class ApiCallClient : IDisposable
{
    /// <summary>How long one request may take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public ApiCallClient(Uri api, string account, string? token)
    {
        ArgumentNullException.ThrowIfNull(api);
        var root = api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
        _http = new HttpClient
        {
            BaseAddress = new Uri(root, $"2010-04-01/Accounts/{Uri.EscapeDataString(account)}/"),
            Timeout = RequestTimeout,
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account}:{token}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("rcml-call/1");
    }

    /// <summary><c>POST Calls.json</c>: places a call.</summary>
    public Task<ApiCallState> CreateAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "Calls.json", form, cancellationToken);

    /// <summary><c>GET Calls/{Sid}.json</c>.</summary>
    public Task<ApiCallState> FetchAsync(string sid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, CallPath(sid), null, cancellationToken);

    /// <summary><c>POST Calls/{Sid}.json</c> with <c>Status=completed</c>: hangs the call up.</summary>
    public Task<ApiCallState> HangUpAsync(string sid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, CallPath(sid), [new("Status", ApiCallState.Completed)], cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string CallPath(string sid) => $"Calls/{Uri.EscapeDataString(sid)}.json";

    private async Task<ApiCallState> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ApiCallException.Of(response.StatusCode, body);
        }

        return ApiCallState.Parse(body) ?? throw ApiCallException.Of(response.StatusCode, "the API's answer is not a call resource");
    }
}
