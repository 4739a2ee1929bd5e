using System.Net;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Tests.Sip.Transport;

[TestFixture]
public sealed class LocalAddressCacheTests
{
    private static readonly IPAddress Local = IPAddress.Parse("192.0.2.1");

    [Test]
    public void Set_ManyDistinctRemotes_NeverHoldsMoreThanItsCapacity()
    {
        var cache = new LocalAddressCache(capacity: 100);

        // As many spoofed UDP sources as an attacker cares to send from.
        for (var i = 0; i < 10_000; i++)
        {
            cache.Set(new IPAddress(BitConverter.GetBytes(0x0A000000 + i)), Local);
        }

        cache.Count.Should().Be(100);
    }

    [Test]
    public void Set_Full_DropsTheLeastRecentlyUsed()
    {
        var cache = new LocalAddressCache(capacity: 2);
        var first = IPAddress.Parse("198.51.100.1");
        var second = IPAddress.Parse("198.51.100.2");
        cache.Set(first, Local);
        cache.Set(second, Local);
        cache.TryGet(first, out _).Should().BeTrue();

        cache.Set(IPAddress.Parse("198.51.100.3"), Local);

        cache.TryGet(first, out var kept).Should().BeTrue("it was used more recently than the second");
        kept.Should().Be(Local);
        cache.TryGet(second, out _).Should().BeFalse();
    }

    [Test]
    public void Set_SameRemoteAgain_ReplacesWithoutGrowing()
    {
        var cache = new LocalAddressCache(capacity: 4);
        var remote = IPAddress.Parse("203.0.113.9");
        cache.Set(remote, Local);

        cache.Set(remote, IPAddress.Loopback);

        cache.Count.Should().Be(1);
        cache.TryGet(remote, out var local).Should().BeTrue();
        local.Should().Be(IPAddress.Loopback);
    }
}
