using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RcmlEngine.Execution.Recordings;

namespace RcmlEngine.Hosting;

/// <summary>
/// A small HTTP server on 127.0.0.1 and a free port, for <c>rcml run</c>: serves the files of a folder
/// (RCML documents for any method, audio files) so a local document takes the real webhook path, and the
/// recordings of a store at their Twilio-shaped URLs. Paths never leave the folder. Requests to a
/// <c>callbacks/</c> path that is not a file are acknowledged with 204, as the samples send their
/// callbacks there.
/// </summary>
internal sealed class LocalDocumentServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DocumentFiles _files;

    private LocalDocumentServer(WebApplication app, string? folder)
    {
        _app = app;
        _files = new DocumentFiles(folder, () => Recordings);
        app.Run(context => _files.HandleAsync(context, context.Request.Path.Value ?? "/"));
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The store whose recordings are served (set once it exists: its URLs need <see cref="BaseUrl"/>).</summary>
    public IRecordingStore? Recordings { get; set; }

    /// <summary>Starts serving <paramref name="folder"/> (none: recordings only).</summary>
    public static async Task<LocalDocumentServer> StartAsync(string? folder, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new LocalDocumentServer(builder.Build(), folder);
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The URL of <paramref name="file"/>, a file inside the served folder.</summary>
    public Uri UrlOf(string file)
    {
        var relative = Path.GetRelativePath(_files.Root ?? throw new InvalidOperationException("no folder is served"), Path.GetFullPath(file));
        var escaped = string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
        return new Uri(BaseUrl, escaped);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
