using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// A real HTTP application on 127.0.0.1 (Kestrel, port 0) for webhook and RCML tests. It records every
/// request, answers per path (documents, statuses, delays, dropped connections, held requests), and
/// lets a test await the Nth request. Unmapped paths answer 404.
/// <code>
/// await using var app = await TestWebApp.StartAsync(ct);
/// app.MapXml("/voice", "&lt;Response&gt;&lt;Hangup/&gt;&lt;/Response&gt;").Fail("/status", times: 2);
/// var hits = await app.WaitForRequestsAsync("/status", 3, ct);
/// </code>
/// </summary>
internal sealed partial class TestWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TestRoute> _routes = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private readonly List<RecordedRequest> _requests = [];
    private TaskCompletionSource _changed = NewSignal();
    private string? _requiredAuthToken;

    private TestWebApp(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
    }

    /// <summary>The app's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_sync)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts an app on 127.0.0.1 and a free port.</summary>
    public static Task<TestWebApp> StartAsync(CancellationToken cancellationToken = default) => StartAsync(0, cancellationToken);

    /// <summary>Starts an app on 127.0.0.1 and <paramref name="port"/> (an app coming back up where it was).</summary>
    public static async Task<TestWebApp> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var web = new TestWebApp(builder.Build());
        await web._app.StartAsync(cancellationToken);
        var address = web._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        web.BaseUrl = new Uri(address);
        return web;
    }

    /// <summary>A loopback URL where nothing listens (connections are refused).</summary>
    public static Uri UnusedLoopbackUrl(string path = "/")
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}{path}");
    }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this app.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>Answers <paramref name="path"/> with 200 <c>text/xml</c> <paramref name="xml"/>.</summary>
    public TestWebApp MapXml(string path, string xml) => Map(path, TestResponse.Xml(xml));

    /// <summary>Answers <paramref name="path"/> with <paramref name="response"/>.</summary>
    public TestWebApp Map(string path, TestResponse response) => Map(path, _ => response);

    /// <summary>Answers <paramref name="path"/> with what <paramref name="respond"/> makes of each request.</summary>
    public TestWebApp Map(string path, Func<RecordedRequest, TestResponse> respond)
    {
        Route(path).Respond = respond;
        return this;
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="path"/> get <paramref name="statusCode"/>.</summary>
    public TestWebApp Fail(string path, int times, int statusCode = 500, string body = "") =>
        Then(path, TestResponse.Status(statusCode, body), times);

    /// <summary>The next <paramref name="times"/> requests to <paramref name="path"/> get no response at all.</summary>
    public TestWebApp Drop(string path, int times) => Then(path, TestResponse.Dropped, times);

    /// <summary>The next <paramref name="times"/> requests to <paramref name="path"/> get <paramref name="response"/>.</summary>
    public TestWebApp Then(string path, TestResponse response, int times = 1)
    {
        Route(path).Then(response, times);
        return this;
    }

    /// <summary>Every answer of <paramref name="path"/> waits <paramref name="delay"/> first.</summary>
    public TestWebApp Delay(string path, TimeSpan delay)
    {
        Route(path).Delay = delay;
        return this;
    }

    /// <summary>Requests to <paramref name="path"/> wait (recorded) until the returned gate is released.</summary>
    public TestGate Hold(string path) => Route(path).Gate = new TestGate();

    /// <summary>Answers 403 to any request without a valid <c>X-Twilio-Signature</c> for <paramref name="authToken"/>.</summary>
    public TestWebApp RequireSignature(string authToken)
    {
        _requiredAuthToken = authToken;
        return this;
    }

    /// <summary>The requests to <paramref name="path"/> so far.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private TestRoute Route(string path) => _routes.GetOrAdd(path, _ => new TestRoute());

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
