using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Media;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Rtp;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media;

[TestFixture]
public sealed class MediaServiceCollectionExtensionsTests
{
    [Test]
    public async Task AddRcmlMedia_Resolves_SessionFactoryAndSources()
    {
        using var cache = new TempDirectory();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddRcmlMedia(
                new RtpOptions { MinPort = FreePorts.MediaRangeStart + 30, MaxPort = FreePorts.MediaRangeStart + 39 },
                new MediaOptions { CacheDirectory = cache.Path },
                new MediaSessionOptions { BindAddress = IPAddress.Loopback })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<IAudioSourceFactory>().Should().NotBeNull();
        await using var session = provider.GetRequiredService<MediaSessionFactory>().Create();
        session.LocalEndPoint.Port.Should().BeInRange(FreePorts.MediaRangeStart + 30, FreePorts.MediaRangeStart + 39);
        session.CreateOffer().Should().Contain("c=IN IP4 127.0.0.1");
    }
}
