using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
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
    private readonly string? _root;

    private LocalDocumentServer(WebApplication app, string? root)
    {
        _app = app;
        _root = root;
        app.Run(HandleAsync);
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
        var root = folder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var server = new LocalDocumentServer(builder.Build(), root);
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The URL of <paramref name="file"/>, a file inside the served folder.</summary>
    public Uri UrlOf(string file)
    {
        var relative = Path.GetRelativePath(_root ?? throw new InvalidOperationException("no folder is served"), Path.GetFullPath(file));
        var escaped = string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
        return new Uri(BaseUrl, escaped);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var file = RecordingPaths.TryMatch(path, out var account, out var recording)
            ? Recordings?.FindFile(account, recording)
            : FileInFolder(path);
        if (file is null)
        {
            // The samples send their status and recording callbacks to callbacks/...: acknowledge them.
            context.Response.StatusCode = path.Contains("/callbacks/", StringComparison.Ordinal)
                ? StatusCodes.Status204NoContent
                : StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = ContentTypeOf(file);
        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    private string? FileInFolder(string path)
    {
        if (_root is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, Uri.UnescapeDataString(path).TrimStart('/')));
        var inside = full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && File.Exists(full) ? full : null;
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".xml" => "text/xml; charset=utf-8",
        ".wav" => "audio/wav",
        ".mp3" => "audio/mpeg",
        ".ogg" => "audio/ogg",
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
