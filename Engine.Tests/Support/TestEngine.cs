using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RcmlEngine.Hosting;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// The real engine host (<see cref="EngineHost"/>: SIP, RTP, Kestrel, webhooks) running in the test
/// process on 127.0.0.1 with free ports, a fresh data folder (recordings, callback and records stores, media cache)
/// and the settings a test gives (<c>Applications:0:VoiceUrl</c>...). Log lines are kept for failure
/// messages. Stops gracefully on dispose.
/// </summary>
internal sealed class TestEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory? _ownData;
    private readonly ConcurrentQueue<string> _log;
    private bool _stopped;

    private TestEngine(WebApplication app, TempDirectory? ownData, ConcurrentQueue<string> log)
    {
        _app = app;
        _ownData = ownData;
        _log = log;
    }

    /// <summary>The engine's services (router, dispatcher, SIP stack...).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The UDP port the engine's SIP stack listens on.</summary>
    public int SipPort => PortOf(SipTransportKind.Udp);

    /// <summary>The TCP port the engine's SIP stack listens on.</summary>
    public int SipTcpPort => PortOf(SipTransportKind.Tcp);

    /// <summary>The engine's HTTP base URL (recordings, samples).</summary>
    public Uri HttpBaseUrl => Services.GetRequiredService<EngineHttpAddress>().LocalBaseUrl;

    /// <summary>What the engine logged (Information and above, Debug for the call layers), for assertion messages.</summary>
    public string Log => string.Join('\n', _log.TakeLast(200));

    /// <summary>
    /// Starts an engine with <paramref name="settings"/> over the test defaults. <paramref name="dataFolder"/>
    /// (kept by the caller across restarts) holds the recordings, the callback store and the records store; none makes a fresh one.
    /// <paramref name="services"/> adds registrations after the engine's (a faulty hosted service...).
    /// </summary>
    public static async Task<TestEngine> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken,
        string? dataFolder = null, Action<IServiceCollection>? services = null)
    {
        var ownData = dataFolder is null ? new TempDirectory() : null;
        var data = dataFolder ?? ownData!.Path;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:UdpPort"] = "0",
            ["Sip:TcpPort"] = "0",
            ["Http:ListenAddress"] = "127.0.0.1",
            ["Http:Port"] = "0",
            ["Rtp:PortMin"] = FreePorts.MediaRangeStart.ToString(CultureInfo.InvariantCulture),
            ["Rtp:PortMax"] = (FreePorts.MediaRangeStart + 39).ToString(CultureInfo.InvariantCulture),
            ["Recordings:Folder"] = Path.Combine(data, "recordings"),
            ["Webhooks:Queue:StorePath"] = Path.Combine(data, "callbacks.db"),
            ["Records:StorePath"] = Path.Combine(data, "records.db"),
            ["Media:CacheDirectory"] = Path.Combine(data, "media-cache"),

            // A stop hangs up at once, as tests written before the drain expect; drain tests set their own.
            ["Limits:DrainTimeout"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var log = new ConcurrentQueue<string>();
        var app = EngineHost.Build(configuration, logging: logs => logs.AddProvider(new QueueLoggerProvider(log)).AddFilter("RcmlEngine", LogLevel.Debug),
            services: services);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            ownData?.Dispose();
            throw;
        }

        return new TestEngine(app, ownData, log);
    }

    /// <summary>Settings routing calls for <paramref name="user"/> to <paramref name="voiceUrl"/>, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> App(string user, Uri voiceUrl, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Applications:0:User"] = user,
            ["Applications:0:VoiceUrl"] = voiceUrl.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings["Applications:0:" + key] = value;
        }

        return settings;
    }

    /// <summary>Stops the engine as Ctrl+C would: calls hung up, callbacks flushed or stored.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _ownData?.Dispose();
    }

    private int PortOf(SipTransportKind kind) =>
        Services.GetRequiredService<SipStack>().LocalEndPoints.First(e => e.Transport == kind).EndPoint.Port;

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}");
            while (lines.Count > 2000 && lines.TryDequeue(out _))
            {
            }
        }
    }
}
