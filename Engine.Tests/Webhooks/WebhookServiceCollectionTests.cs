using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Tests.Webhooks;

[TestFixture]
public sealed class WebhookServiceCollectionTests
{
    [Test]
    public void AddWebhooks_NoConfiguration_HasDocumentedDefaults()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;

        options.Fetch.Timeout.Should().Be(TimeSpan.FromSeconds(15));
        options.Fetch.MaxBodyBytes.Should().Be(65_536);
        options.Fetch.MaxRetries.Should().Be(1);
        options.Callbacks.MaxRetries.Should().Be(3);
        options.Queue.MaxPending.Should().Be(10_000);
        options.Queue.StorePath.Should().Be(Path.Combine("data", "callbacks.db"));
    }

    [Test]
    public void AddWebhooks_ConfigurationSection_IsBound()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Webhooks:Fetch:Timeout"] = "00:00:05",
            ["Webhooks:Fetch:MaxBodyBytes"] = "1024",
            ["Webhooks:Callbacks:BreakerMinimumThroughput"] = "4",
            ["Webhooks:Queue:StorePath"] = "/var/lib/rcml/callbacks.db",
        });

        var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;

        options.Fetch.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        options.Fetch.MaxBodyBytes.Should().Be(1024);
        options.Callbacks.BreakerMinimumThroughput.Should().Be(4);
        options.Queue.StorePath.Should().Be("/var/lib/rcml/callbacks.db");
    }

    [Test]
    public void AddWebhooks_BadValues_FailNamingTheSetting()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Webhooks:Fetch:Timeout"] = "00:00:00",
            ["Webhooks:Callbacks:BreakerFailureRatio"] = "2",
        });

        var read = () => provider.GetRequiredService<IOptions<WebhookOptions>>().Value;

        read.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().Contain(f => f.Contains("Webhooks:Fetch:Timeout")).And.Contain(f => f.Contains("BreakerFailureRatio"));
    }

    [Test]
    public async Task AddWebhooks_Dispatcher_IsOneSingletonAndAHostedService()
    {
        // The dispatcher and its store only dispose asynchronously, as a host disposes its services.
        await using var provider = Build(new Dictionary<string, string?>());

        var dispatcher = provider.GetRequiredService<ICallbackDispatcher>();

        dispatcher.Should().BeSameAs(provider.GetRequiredService<CallbackDispatcher>());
        provider.GetServices<IHostedService>().Should().Contain((IHostedService)dispatcher);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddWebhooks(configuration).BuildServiceProvider();
    }
}
