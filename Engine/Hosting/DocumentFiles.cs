using Microsoft.AspNetCore.Http;
using RcmlEngine.Execution.Recordings;

namespace RcmlEngine.Hosting;

/// <summary>
/// Answers HTTP requests for a folder of documents and audio (GET, HEAD, and POST: RCML is fetched with
/// POST too) and for the recordings of a store at their Twilio-shaped paths (<see cref="RecordingPaths"/>;
/// GET and HEAD), within <see cref="HttpRequestRules"/>. Paths never leave the folder. A request to a
/// <c>callbacks/</c> path that is no file is acknowledged with 204: the samples send their status and
/// recording callbacks there. HTML is sent as plain text: nothing served here runs in a browser. Used by
/// <c>rcml run</c>'s local server and by <c>rcml serve</c>'s HTTP server.
/// </summary>
internal sealed class DocumentFiles(string? folder, Func<IRecordingStore?> recordings)
{
    private readonly string? _root = folder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>The folder served, or null (recordings only).</summary>
    public string? Root => _root;

    /// <summary>
    /// Answers <paramref name="context"/> for <paramref name="path"/>: a recording path, or a path
    /// relative to the folder (<c>/ivr.xml</c>, <c>/audio/greeting.wav</c>).
    /// </summary>
    public async Task HandleAsync(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var isRecording = RecordingPaths.TryMatch(context.Request.Path.Value ?? "/", out var account, out var recording);
        if (!HttpRequestRules.Admit(context, allowPost: !isRecording))
        {
            return;
        }

        var file = isRecording ? recordings()?.FindFile(account, recording) : FileInFolder(path);
        if (file is null)
        {
            context.Response.StatusCode = _root is not null && ("/" + path.TrimStart('/')).Contains("/callbacks/", StringComparison.Ordinal)
                ? StatusCodes.Status204NoContent
                : StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = ContentTypeOf(file);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentLength = new FileInfo(file).Length;
            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    /// <summary>The file <paramref name="path"/> names inside the folder, or null (missing, or outside it).</summary>
    public string? FileInFolder(string path)
    {
        if (_root is null || path is null)
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
        // HTML as text: a page served from the engine's origin could script its other routes.
        ".html" or ".htm" or ".txt" or ".md" => "text/plain; charset=utf-8",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
