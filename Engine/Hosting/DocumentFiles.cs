using Microsoft.AspNetCore.Http;
using RcmlEngine.Execution.Recordings;

namespace RcmlEngine.Hosting;

/// <summary>
/// Answers HTTP requests for a folder of documents and audio (any method: RCML is fetched with POST
/// too) and for the recordings of a store at their Twilio-shaped paths (<see cref="RecordingPaths"/>).
/// Paths never leave the folder. A request to a <c>callbacks/</c> path that is no file is acknowledged
/// with 204: the samples send their status and recording callbacks there. Used by <c>rcml run</c>'s
/// local server and by <c>rcml serve</c>'s HTTP server.
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
        var file = RecordingPaths.TryMatch(context.Request.Path.Value ?? "/", out var account, out var recording)
            ? recordings()?.FindFile(account, recording)
            : FileInFolder(path);
        if (file is null)
        {
            context.Response.StatusCode = ("/" + path.TrimStart('/')).Contains("/callbacks/", StringComparison.Ordinal)
                ? StatusCodes.Status204NoContent
                : StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = ContentTypeOf(file);
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
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".txt" or ".md" => "text/plain; charset=utf-8",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
