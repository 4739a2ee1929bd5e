using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using RcmlEngine.Diagnostics;
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

        services.TryAddSingleton(provider => PolicyOf(provider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        var document = AddClient(services, WebhookHttpClientNames.Document);
        document.AddResilienceHandler("document", (builder, context) =>
                DocumentPipeline.Configure(QuietTelemetry(builder, context.ServiceProvider), context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Fetch,
                    RetryLogger(context.ServiceProvider)))
            .SelectPipelineByAuthority();
        AddRedirects(document);
        var callback = AddClient(services, WebhookHttpClientNames.Callback);
        callback.AddResilienceHandler("callback", (builder, context) =>
                CallbackPipeline.Configure(QuietTelemetry(builder, context.ServiceProvider), context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Callbacks,
                    RetryLogger(context.ServiceProvider)))
            .SelectPipelineByAuthority();
        AddRedirects(callback);

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

    /// <summary>
    /// The primary handler of every engine HTTP client: connects through <paramref name="policy"/> and
    /// never follows redirects itself (<see cref="RedirectHandler"/> does, within its rules).
    /// </summary>
    public static SocketsHttpHandler PrimaryHandler(TimeSpan connectTimeout, OutboundAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            ConnectCallback = policy.ConnectAsync,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            UseCookies = false,
        };
    }

    // Polly's telemetry logs each retry as a multi-line Warning with the exception's stack trace; its metrics stay (meter "Polly").
    private static ResiliencePipelineBuilder<HttpResponseMessage> QuietTelemetry(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services) =>
        builder.ConfigureTelemetry(new TelemetryOptions(services.GetRequiredService<IOptionsMonitor<TelemetryOptions>>().CurrentValue) { LoggerFactory = NullLoggerFactory.Instance });

    private static ILogger RetryLogger(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger(RetryLog.Category);

    private static OutboundAddressPolicy PolicyOf(WebhookOptions options) =>
        new(options.BlockPrivateAddresses == true, AddressRanges.Parse(options.AllowedAddresses));

    private static void AddRedirects(IHttpClientBuilder client) =>
        // Added after the resilience handler, so inside it: every attempt follows its redirects anew.
        client.AddHttpMessageHandler(provider => new RedirectHandler(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxRedirects));

    private static IHttpClientBuilder AddClient(IServiceCollection services, string name) =>
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The default handlers log full URLs at Information; GET webhooks carry phone numbers there.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider => PrimaryHandler(
                provider.GetRequiredService<IOptions<WebhookOptions>>().Value.ConnectTimeout,
                provider.GetRequiredService<OutboundAddressPolicy>()));
}
