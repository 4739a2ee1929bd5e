using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// A media streams server for tests: Kestrel with WebSockets on 127.0.0.1, port 0. Every WebSocket at
/// <c>/media</c> becomes a <see cref="TestStreamConnection"/> that records the engine's messages and sends the
/// test's. Other paths answer 404 (a failed handshake).
/// </summary>
internal sealed class TestStreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TestStreamConnection> _connections = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private TestStreamServer(WebApplication app)
    {
        _app = app;
        _app.UseWebSockets();
        _app.Run(HandleAsync);
    }

    /// <summary>The WebSocket URL of the media endpoint: <c>ws://127.0.0.1:PORT/media</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts the server.</summary>
    public static async Task<TestStreamServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new TestStreamServer(builder.Build());
        await server._app.StartAsync(cancellationToken);
        var address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        server.Url = new Uri($"ws://127.0.0.1:{address.Port}/media");
        return server;
    }

    /// <summary>Waits for the next WebSocket the engine opens.</summary>
    public async Task<TestStreamConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        await _arrived.WaitAsync(cancellationToken);
        _connections.TryDequeue(out var connection);
        return connection!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/media" || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new TestStreamConnection(socket);
        _connections.Enqueue(connection);
        _arrived.Release();
        await connection.RunAsync(context.RequestAborted);
    }
}
