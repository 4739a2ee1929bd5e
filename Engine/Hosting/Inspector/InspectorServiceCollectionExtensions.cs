using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Diagnostics.Timeline;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>Registers the call inspector: the timelines, the SIP trace and the webhook observer feeding them.</summary>
internal static class InspectorServiceCollectionExtensions
{
    /// <summary>Registers it unless <c>Console:Enabled</c> is false.</summary>
    public static IServiceCollection AddCallInspector(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>() ?? new ConsoleOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton(provider => new CallTimelines(provider.GetRequiredService<TimeProvider>(), options.KeepFinishedCalls));
        services.AddSingleton<SipTimelineTrace>();
        services.AddSingleton<IWebhookObserver, TimelineWebhookObserver>();
        services.AddHostedService<SipTraceAttacher>();
        return services;
    }
}
