using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Debugger;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Tests.Webhooks;

/// <summary>
/// The Webhooks layer as the engine wires it (<c>AddWebhooks</c>), with delays short enough for tests
/// and a callback store in a temporary file (kept across instances that share it, deleted by the test).
/// </summary>
internal sealed class WebhookServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string? _ownedStore;

    private WebhookServices(ServiceProvider provider, string? ownedStore)
    {
        _provider = provider;
        _ownedStore = ownedStore;
    }

    public IDocumentFetcher Fetcher => _provider.GetRequiredService<IDocumentFetcher>();

    public ICallbackSender Sender => _provider.GetRequiredService<ICallbackSender>();

    public CallbackDispatcher Dispatcher => _provider.GetRequiredService<CallbackDispatcher>();

    public IDebuggerNotifier Debugger => _provider.GetRequiredService<IDebuggerNotifier>();

    public ICallbackStore Store => _provider.GetRequiredService<ICallbackStore>();

    /// <summary>A fresh store path under the temp folder.</summary>
    public static string NewStorePath() =>
        Path.Combine(Path.GetTempPath(), "rcml-webhook-tests", Guid.NewGuid().ToString("N"), "callbacks.db");

    /// <summary>Deletes a store made by <see cref="NewStorePath"/> (its folder holds the WAL files too).</summary>
    public static void DeleteStore(string storePath)
    {
        var folder = Path.GetDirectoryName(storePath)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Builds the services; <paramref name="time"/> replaces the system clock when given.</summary>
    public static WebhookServices Create(string? storePath = null, Action<WebhookOptions>? configure = null, TimeProvider? time = null,
        ILoggerProvider? logs = null)
    {
        var ownedStore = storePath is null ? NewStorePath() : null;
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddWebhooks(options =>
        {
            options.Fetch.RetryDelay = TimeSpan.FromMilliseconds(10);
            options.Callbacks.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.Callbacks.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            options.Queue.RedeliveryDelay = TimeSpan.FromMilliseconds(20);
            options.Queue.MaxRedeliveryDelay = TimeSpan.FromMilliseconds(200);
            options.Queue.StorePath = storePath ?? ownedStore!;
            configure?.Invoke(options);
        });
        return new WebhookServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), ownedStore);
    }

    /// <summary>Builds the services and starts the callback dispatcher (recovering stored callbacks).</summary>
    public static async Task<WebhookServices> StartAsync(string? storePath = null, Action<WebhookOptions>? configure = null,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var services = Create(storePath, configure, time);
        await services.Dispatcher.StartAsync(cancellationToken);
        return services;
    }

    /// <summary>Stops the dispatcher first, as the host does, then disposes everything.</summary>
    public async ValueTask DisposeAsync()
    {
        await Dispatcher.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        if (_ownedStore is not null)
        {
            DeleteStore(_ownedStore);
        }
    }
}
