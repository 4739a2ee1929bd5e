using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Media;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Rtp;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Fetching;

[TestFixture]
public sealed class MediaFetcherTests
{
    private static readonly byte[] Body = WavBytes.Build(1, 1, 8000, 16, WavBytes.Pcm16(ToneAnalysis.Sine(1000, 8000, 800)));

    private readonly ConcurrentDictionary<string, int> _full = new();
    private readonly ConcurrentDictionary<string, int> _notModified = new();
    private LocalHttpServer _server = null!;
    private ServiceProvider _services = null!;
    private TempDirectory _cache = null!;
    private FakeTimeProvider _time = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/etag.wav", context => Serve(context, "etag", "no-cache", etag: "\"v1\""));
            app.MapGet("/fresh.wav", context => Serve(context, "fresh", "max-age=60", etag: "\"f1\""));
            app.MapGet("/short.wav", context => Serve(context, "short", "max-age=10", etag: "\"s1\""));
            app.MapGet("/nostore.wav", context => Serve(context, "nostore", "no-store", etag: null));
            app.MapGet("/big.wav", context => context.Response.Body.WriteAsync(new byte[5000]).AsTask());
            app.MapGet("/big-chunked.wav", async context =>
            {
                for (var i = 0; i < 5; i++)
                {
                    await context.Response.Body.WriteAsync(new byte[1000]);
                    await context.Response.Body.FlushAsync();
                }
            });
            app.MapGet("/missing.wav", context =>
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            });
        });
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [SetUp]
    public void SetUp()
    {
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        _cache = new TempDirectory();
        _time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _full.Clear();
        _notModified.Clear();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        _cache.Dispose();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_ETagNoCache_RevalidatesAndReusesOn304(CancellationToken cancellationToken)
    {
        var fetcher = Fetcher();

        var first = await fetcher.FetchAsync(_server.Url("/etag.wav"), cancellationToken);
        var second = await fetcher.FetchAsync(_server.Url("/etag.wav"), cancellationToken);

        first.FromCache.Should().BeFalse();
        second.FromCache.Should().BeTrue();
        second.Path.Should().Be(first.Path);
        (await File.ReadAllBytesAsync(second.Path, cancellationToken)).Should().Equal(Body);
        _full["etag"].Should().Be(1);
        _notModified["etag"].Should().Be(1);
        first.ContentType.Should().Be("audio/wav");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_MaxAge_UsesCacheWithoutRequestUntilStale(CancellationToken cancellationToken)
    {
        var fetcher = Fetcher();

        await fetcher.FetchAsync(_server.Url("/short.wav"), cancellationToken);
        _time.Advance(TimeSpan.FromSeconds(9));
        var fresh = await fetcher.FetchAsync(_server.Url("/short.wav"), cancellationToken);
        _full.GetValueOrDefault("short").Should().Be(1);
        _notModified.GetValueOrDefault("short").Should().Be(0, "fresh for 10 s: no request at all");

        _time.Advance(TimeSpan.FromSeconds(2));
        var stale = await fetcher.FetchAsync(_server.Url("/short.wav"), cancellationToken);

        fresh.FromCache.Should().BeTrue();
        stale.FromCache.Should().BeTrue();
        _notModified["short"].Should().Be(1, "stale: revalidated with If-None-Match");
        _full["short"].Should().Be(1);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_NoStore_DownloadsEachTimeAndKeepsNothingForReuse(CancellationToken cancellationToken)
    {
        var fetcher = Fetcher();

        var first = await fetcher.FetchAsync(_server.Url("/nostore.wav"), cancellationToken);
        var second = await fetcher.FetchAsync(_server.Url("/nostore.wav"), cancellationToken);

        _full["nostore"].Should().Be(2);
        second.Path.Should().NotBe(first.Path);
        Directory.GetFiles(Path.Combine(_cache.Path, "http"), "*.json").Should().BeEmpty();
    }

    [TestCase("/big.wav", TestName = "FetchAsync_ContentLengthOverCap_Fails")]
    [TestCase("/big-chunked.wav", TestName = "FetchAsync_ChunkedBodyOverCap_Fails")]
    public async Task FetchAsync_OverSizeCap_Fails(string path)
    {
        var fetch = () => Fetcher(maxBytes: 2000).FetchAsync(_server.Url(path), CancellationToken.None);

        (await fetch.Should().ThrowAsync<MediaException>()).WithMessage("*over the limit of 2000*");
        Directory.GetFiles(_cache.Path, "*", SearchOption.AllDirectories).Should().BeEmpty("nothing partial is kept");
    }

    [Test]
    public async Task FetchAsync_404_FailsNamingTheStatus()
    {
        var fetch = () => Fetcher().FetchAsync(_server.Url("/missing.wav"), CancellationToken.None);

        (await fetch.Should().ThrowAsync<MediaException>()).WithMessage("GET http://127.0.0.1:*/missing.wav answered 404 Not Found");
    }

    [Test]
    public async Task FetchAsync_FtpUrl_IsRefused()
    {
        var fetch = () => Fetcher().FetchAsync(new Uri("ftp://example.com/a.wav"), CancellationToken.None);

        (await fetch.Should().ThrowAsync<MediaException>()).WithMessage("*only http, https and file URLs*");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_CacheOverItsCap_EvictsLeastRecentlyUsed(CancellationToken cancellationToken)
    {
        var fetcher = Fetcher(cacheBytes: Body.Length + 100);

        var etag = await fetcher.FetchAsync(_server.Url("/etag.wav"), cancellationToken);
        await fetcher.FetchAsync(_server.Url("/fresh.wav"), cancellationToken);

        File.Exists(etag.Path).Should().BeFalse("only one body fits");
        Directory.GetFiles(Path.Combine(_cache.Path, "http"), "*.body").Should().ContainSingle();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_FileUrl_IsReadInPlace(CancellationToken cancellationToken)
    {
        var path = _cache.File("local.wav");
        await File.WriteAllBytesAsync(path, Body, cancellationToken);

        var media = await Fetcher().FetchAsync(new Uri(path), cancellationToken);

        media.Path.Should().Be(path);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FetchAsync_UrlWithCredentialsAndToken_NeitherIsLoggedNorInErrors(CancellationToken cancellationToken)
    {
        var logs = new CollectingLoggerProvider();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddRcmlMedia(new RtpOptions(), new MediaOptions { CacheDirectory = _cache.Path }, new MediaSessionOptions())
            .BuildServiceProvider();
        var fetcher = services.GetRequiredService<MediaFetcher>();
        var secret = new UriBuilder(_server.Url("/fresh.wav")) { UserName = "app", Password = "s3cret", Query = "token=t0ken" }.Uri;
        var missing = new UriBuilder(secret) { Path = "/missing.wav" }.Uri;

        await fetcher.FetchAsync(secret, cancellationToken);
        var failure = await fetcher.Invoking(f => f.FetchAsync(missing, cancellationToken)).Should().ThrowAsync<MediaException>();

        logs.Messages.Should().Contain(m => m.Contains("/fresh.wav", StringComparison.Ordinal), "the fetch is logged, by path");
        logs.Messages.Should().NotContain(m => m.Contains("s3cret", StringComparison.Ordinal) || m.Contains("t0ken", StringComparison.Ordinal));
        failure.Which.Message.Should().Contain("/missing.wav").And.NotContain("s3cret").And.NotContain("t0ken");
    }

    private MediaFetcher Fetcher(long maxBytes = 1_000_000, long cacheBytes = 10_000_000) => new(
        _services.GetRequiredService<IHttpClientFactory>(),
        new MediaOptions { CacheDirectory = _cache.Path, MaxMediaBytes = maxBytes, MaxCacheBytes = cacheBytes },
        _time,
        NullLogger<MediaFetcher>.Instance);

    private Task Serve(HttpContext context, string name, string cacheControl, string? etag)
    {
        context.Response.Headers.CacheControl = cacheControl;
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                _notModified.AddOrUpdate(name, 1, (_, n) => n + 1);
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        _full.AddOrUpdate(name, 1, (_, n) => n + 1);
        context.Response.ContentType = "audio/wav";
        context.Response.ContentLength = Body.Length;
        return context.Response.Body.WriteAsync(Body).AsTask();
    }
}
