using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Tests.Webhooks.Callbacks;

[TestFixture]
public sealed class ExponentialBackoffTests
{
    [Test]
    public void Delay_EachAttempt_IsBetweenHalfAndAllOfTheDoubledBase()
    {
        var random = new Random(42);
        var baseDelay = TimeSpan.FromSeconds(1);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Pow(2, attempt));
            for (var i = 0; i < 100; i++)
            {
                ExponentialBackoff.Delay(attempt, baseDelay, TimeSpan.FromMinutes(1), random)
                    .Should().BeGreaterThanOrEqualTo(ceiling / 2).And.BeLessThanOrEqualTo(ceiling);
            }
        }
    }

    [Test]
    public void Delay_LateAttempt_IsCappedByMaxDelay() =>
        ExponentialBackoff.Delay(60, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(1))
            .Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(30)).And.BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));

    [Test]
    public void Delay_ManyCallers_AreSpreadOut()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 50).Select(_ => ExponentialBackoff.Delay(3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), random)).ToList();
        delays.Distinct().Should().HaveCountGreaterThan(40, "jitter keeps failing calls from retrying in step");
    }
}
