using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Media.Fetching;

/// <summary>
/// Fetches media for <c>&lt;Play&gt;</c> over HTTP through <see cref="IHttpClientFactory"/> into an
/// on-disk cache that honours Cache-Control and Expires (a fresh body is used without a request),
/// revalidates stale bodies with ETag / Last-Modified (304 keeps the body), never stores
/// <c>no-store</c> responses for reuse, refuses bodies over <see cref="MediaOptions.MaxMediaBytes"/>,
/// and keeps the whole cache under <see cref="MediaOptions.MaxCacheBytes"/> (least recently used first).
/// <c>file:</c> URLs are read in place. Logs and error messages name a URL without its user info and
/// query (<see cref="UrlRedaction"/>): media URLs often carry credentials or signed tokens.
/// </summary>
internal sealed partial class MediaFetcher
{
    /// <summary>The name of the HTTP client this fetcher asks the factory for.</summary>
    public const string HttpClientName = "RcmlEngine.Media";

    private static readonly TimeSpan TransientLifetime = TimeSpan.FromHours(1);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly MediaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MediaFetcher> _logger;
    private readonly string _directory;
    private readonly string _transient;

    /// <summary>Creates a fetcher caching under <see cref="MediaOptions.CacheDirectory"/>/http.</summary>
    public MediaFetcher(IHttpClientFactory httpClientFactory, MediaOptions options, TimeProvider time, ILogger<MediaFetcher> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _time = time;
        _logger = logger;
        PrivateDirectory.Create(options.CacheDirectory);
        _directory = PrivateDirectory.Create(Path.Combine(options.CacheDirectory, "http"));
        _transient = PrivateDirectory.Create(Path.Combine(_directory, "transient"));
    }

    /// <summary>Fetches (or finds in the cache) the body at <paramref name="url"/>.</summary>
    /// <exception cref="MediaException">The URL cannot be fetched, or its body is too large.</exception>
    public async Task<FetchedMedia> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var safe = UrlRedaction.Of(url);
        if (url.IsFile)
        {
            return Local(url, safe);
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new MediaException($"{safe}: only http, https and file URLs can be played");
        }

        var key = Sha256Hex(url.AbsoluteUri);
        var bodyPath = Path.Combine(_directory, key + ".body");
        var entryPath = Path.Combine(_directory, key + ".json");
        var entry = File.Exists(bodyPath) ? await ReadEntryAsync(entryPath, cancellationToken) : null;
        var now = _time.GetUtcNow();
        if (entry is not null && now < entry.FreshUntil)
        {
            LogFresh(safe);
            return Reuse(bodyPath, entry);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (entry is not null)
        {
            HttpCachePolicy.AddValidators(request, entry);
        }

        using var timeout = new CancellationTokenSource(_options.FetchTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.StatusCode == HttpStatusCode.NotModified && entry is not null)
            {
                LogNotModified(safe);
                var refreshed = entry with { FreshUntil = HttpCachePolicy.FreshUntil(response, now) };
                await WriteEntryAsync(entryPath, refreshed, cancellationToken);
                return Reuse(bodyPath, refreshed);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MediaException($"GET {safe} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return await StoreAsync(url, safe, response, bodyPath, entryPath, now, linked.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new MediaException($"GET {safe} failed: {ex.Message}", ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaException($"GET {safe} took longer than {_options.FetchTimeout.TotalSeconds:0} s");
        }
    }

    private async Task<FetchedMedia> StoreAsync(
        Uri url, string safe, HttpResponseMessage response, string bodyPath, string entryPath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var length = response.Content.Headers.ContentLength;
        if (length > _options.MaxMediaBytes)
        {
            throw new MediaException($"GET {safe}: {length} bytes is over the limit of {_options.MaxMediaBytes}");
        }

        var noStore = HttpCachePolicy.IsNoStore(response);
        CleanTransient();
        var target = noStore ? Path.Combine(_transient, Guid.NewGuid().ToString("N") + ".body") : bodyPath;
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        string hash;
        long bytes;
        try
        {
            (hash, bytes) = await DownloadAsync(safe, response, temporary, cancellationToken);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        LogDownloaded(safe, bytes, noStore);
        if (!noStore)
        {
            var entry = new MediaCacheEntry
            {
                Url = url.AbsoluteUri,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified,
                FreshUntil = HttpCachePolicy.FreshUntil(response, now),
                ContentType = contentType,
                ContentHash = hash,
            };
            await WriteEntryAsync(entryPath, entry, cancellationToken);
            MediaCacheTrimmer.Trim(_options.CacheDirectory, _options.MaxCacheBytes);
        }

        return new FetchedMedia(target, contentType, hash, FromCache: false);
    }

    /// <summary>Copies the body to a file, hashing it, and stops at the size limit.</summary>
    private async Task<(string Hash, long Bytes)> DownloadAsync(string safe, HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > _options.MaxMediaBytes)
            {
                throw new MediaException($"GET {safe}: the body is over the limit of {_options.MaxMediaBytes} bytes");
            }

            hasher.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (Convert.ToHexStringLower(hasher.GetHashAndReset()), total);
    }

    private FetchedMedia Reuse(string bodyPath, MediaCacheEntry entry)
    {
        MediaCacheTrimmer.Touch(bodyPath, _time);
        return new FetchedMedia(bodyPath, entry.ContentType, entry.ContentHash, FromCache: true);
    }

    private static FetchedMedia Local(Uri url, string safe)
    {
        var info = new FileInfo(url.LocalPath);
        if (!info.Exists)
        {
            throw new MediaException($"{safe}: no such file");
        }

        // A local file is named by its path, size and modification time rather than by hashing it.
        var identity = Sha256Hex($"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        return new FetchedMedia(info.FullName, null, identity, FromCache: true);
    }

    private void CleanTransient()
    {
        var cutoff = _time.GetUtcNow().UtcDateTime - TransientLifetime;
        foreach (var file in new DirectoryInfo(_transient).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
            }
        }
    }

    private static async Task<MediaCacheEntry?> ReadEntryAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(file, MediaCacheJsonContext.Default.MediaCacheEntry, cancellationToken);
        }
        catch (JsonException)
        {
            // A damaged entry is as good as none: the body is fetched again.
            return null;
        }
    }

    private static async Task WriteEntryAsync(string path, MediaCacheEntry entry, CancellationToken cancellationToken)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(entry, MediaCacheJsonContext.Default.MediaCacheEntry), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>SHA-256 of a text, lower-case hex.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
