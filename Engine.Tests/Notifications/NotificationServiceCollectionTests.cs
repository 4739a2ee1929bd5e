using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RcmlEngine.Notifications;
using RcmlEngine.Notifications.Redis;

namespace RcmlEngine.Tests.Notifications;

[TestFixture]
public sealed class NotificationServiceCollectionTests
{
    [Test]
    public async Task AddNotifications_NoConnectionString_NoSinkNoNotifierNoBackgroundWork()
    {
        await using var provider = Build(new Dictionary<string, string?> { ["Notifications:ContactRefParameter"] = "Digits" });

        provider.GetServices<INotificationSink>().Should().BeEmpty();
        provider.GetService<IInboundCallNotifier>().Should().BeNull();
        provider.GetServices<IHostedService>().Should().BeEmpty();
        provider.GetRequiredService<IOptions<NotificationOptions>>().Value.ContactRefParameter.Should().Be("Digits");
    }

    [Test]
    public async Task AddNotifications_ConnectionString_RedisSinkWithTheDefaultKeyAndEvents()
    {
        await using var provider = Build(new Dictionary<string, string?> { ["Notifications:Redis:ConnectionString"] = "127.0.0.1:6379" });

        provider.GetServices<INotificationSink>().Should().ContainSingle().Which.Should().BeOfType<RedisNotificationSink>();
        provider.GetServices<IHostedService>().Should().ContainSingle().Which.Should().BeOfType<RedisNotificationSink>();
        provider.GetRequiredService<IInboundCallNotifier>().Should().NotBeNull();
        var redis = provider.GetRequiredService<IOptions<NotificationOptions>>().Value.Redis;
        redis.Key.Should().Be("rcml:notifications:inbound");
        redis.Writes("call").Should().BeTrue();
    }

    [Test]
    public void Validate_UnparsableConnectionStringWithAPassword_FailsWithoutRepeatingIt()
    {
        var options = new NotificationOptions { Redis = { ConnectionString = "127.0.0.1:6379,password=s3cret,bogus=1" } };

        var result = new NotificationOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Notifications:Redis:ConnectionString").And.NotContain("s3cret");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNotifications(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
