using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Notifications.Redis;

namespace RcmlEngine.Notifications;

/// <summary>Registers the Notifications layer: the notifier and its sinks, only those configured.</summary>
internal static class NotificationServiceCollectionExtensions
{
    /// <summary>Registers the layer with options bound from the <c>Notifications</c> section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNotifications(options => configuration.GetSection(NotificationOptions.SectionName).Bind(options));

    /// <summary>
    /// Registers <see cref="NotificationOptions"/> and, when <c>Notifications:Redis:ConnectionString</c> is set,
    /// the Redis sink (a hosted service) and <see cref="IInboundCallNotifier"/>. Without a sink nothing else is
    /// registered: callers then find no notifier, and nothing is written or stored.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, Action<NotificationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<NotificationOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        var probe = new NotificationOptions();
        configure(probe);
        if (!probe.Redis.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INotificationStore>(provider => new SqliteNotificationStore(
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value.Redis.StorePath,
            provider.GetRequiredService<ILogger<SqliteNotificationStore>>()));
        services.TryAddSingleton<IRedisListWriter, RedisListWriter>();
        services.TryAddSingleton<RedisNotificationSink>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSink, RedisNotificationSink>(provider => provider.GetRequiredService<RedisNotificationSink>()));
        services.AddHostedService(provider => provider.GetRequiredService<RedisNotificationSink>());
        services.TryAddSingleton<IInboundCallNotifier, InboundCallNotifier>();
        return services;
    }
}
