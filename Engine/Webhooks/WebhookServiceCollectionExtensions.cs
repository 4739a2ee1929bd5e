using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Debugger;
using RcmlEngine.Webhooks.Fetching;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Webhooks;

/// <summary>Registers the Webhooks layer: its HttpClients and pipelines, fetcher, callback queue, debugger notifier.</summary>
internal static class WebhookServiceCollectionExtensions
{
    /// <summary>Registers the layer with options bound from the <c>Webhooks</c> section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration) =>
        services.AddWebhooks(options => configuration.GetSection(WebhookOptions.SectionName).Bind(options));

    /// <summary>
    /// Registers the layer: <see cref="IDocumentFetcher"/>, <see cref="ICallbackSender"/>,
    /// <see cref="ICallbackDispatcher"/> (also a hosted service: started and stopped with the host),
    /// <see cref="IDebuggerNotifier"/>, and <see cref="TimeProvider.System"/> unless a TimeProvider is registered.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, Action<WebhookOptions> configure)
    {
        services.AddOptions<WebhookOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        AddClient(services, WebhookHttpClientNames.Document)
            .AddResilienceHandler("document", (builder, context) =>
                DocumentPipeline.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Fetch))
            .SelectPipelineByAuthority();
        AddClient(services, WebhookHttpClientNames.Callback)
            .AddResilienceHandler("callback", (builder, context) =>
                CallbackPipeline.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Callbacks))
            .SelectPipelineByAuthority();

        services.TryAddSingleton<IDocumentFetcher, DocumentFetcher>();
        services.TryAddSingleton<ICallbackSender, CallbackSender>();
        services.TryAddSingleton<ICallbackStore>(provider => new SqliteCallbackStore(
            provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Queue.StorePath,
            provider.GetRequiredService<ILogger<SqliteCallbackStore>>()));
        services.TryAddSingleton<CallbackDispatcher>();
        services.TryAddSingleton<ICallbackDispatcher>(provider => provider.GetRequiredService<CallbackDispatcher>());
        services.AddHostedService(provider => provider.GetRequiredService<CallbackDispatcher>());
        services.TryAddSingleton<IDebuggerNotifier, DebuggerNotifier>();
        return services;
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services, string name) =>
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The default handlers log full URLs at Information; GET webhooks carry phone numbers there.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return new SocketsHttpHandler
                {
                    ConnectTimeout = options.ConnectTimeout,
                    AllowAutoRedirect = options.MaxRedirects > 0,
                    MaxAutomaticRedirections = Math.Max(options.MaxRedirects, 1),
                    AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    UseCookies = false,
                };
            });
}
