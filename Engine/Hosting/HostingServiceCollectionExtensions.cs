using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Media.Fetching;
using RcmlEngine.Notifications;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Hosting;

/// <summary>Registers the configured engine: options (validated at start), the router, webhooks and the interpreter.</summary>
internal static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EngineOptions"/> from <paramref name="configuration"/> with <paramref name="overrides"/>,
    /// validates them on start, and registers <see cref="ApplicationRouter"/>, the Webhooks layer (its
    /// <c>Webhooks</c> section) and the Execution layer configured from <c>Limits</c>, <c>ErrorPrompt</c>,
    /// <c>Recordings</c> and <c>Http</c>, the notification sinks (<c>Notifications</c>), and the call and recording records (<c>Records</c>). The SIP and media
    /// side is registered by the caller.
    /// </summary>
    public static IServiceCollection AddRcmlEngine(this IServiceCollection services, IConfiguration configuration, EngineOverrides? overrides = null)
    {
        services.AddOptions<EngineOptions>()
            .Configure(options =>
            {
                configuration.Bind(options);
                overrides?.ApplyTo(options);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.TryAddSingleton<ApplicationRouter>();
        services.AddWebhooks(configuration);
        services.AddOptions<WebhookOptions>().PostConfigure<IOptions<EngineOptions>>((webhooks, engine) =>
            webhooks.BlockPrivateAddresses ??= EngineSettings.BlocksPrivateAddresses(engine.Value));

        // Media (<Play>) goes through the same address policy and redirect rules as documents and callbacks.
        services.AddHttpClient(MediaFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookServiceCollectionExtensions.PrimaryHandler(
                provider.GetRequiredService<IOptions<WebhookOptions>>().Value.ConnectTimeout, provider.GetRequiredService<OutboundAddressPolicy>()))
            .AddHttpMessageHandler(provider => new RedirectHandler(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxRedirects));
        services.AddNotifications(configuration);
        services.AddExecution();
        services.AddCallRecords(configuration);
        services.AddOptions<ExecutionOptions>().Configure<IOptions<EngineOptions>>((execution, engine) => EngineSettings.Apply(engine.Value, execution));
        services.AddOptions<RecordingStoreOptions>()
            .Configure<IOptions<EngineOptions>>((recordings, engine) => EngineSettings.Apply(engine.Value, recordings));
        return services;
    }
}
