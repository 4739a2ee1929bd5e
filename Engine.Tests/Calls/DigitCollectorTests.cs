using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Calls.Digits;

namespace RcmlEngine.Tests.Calls;

[TestFixture]
public sealed class DigitCollectorTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task CollectAsync_FinishKey_EndsWithoutIncludingIt(CancellationToken ct)
    {
        var digits = new DigitBuffer(TimeProvider.System);
        foreach (var key in "12#3")
        {
            digits.Push(key);
        }

        var result = await DigitCollector.CollectAsync(digits, new DigitCollectOptions(), new FakeTimeProvider(), null, ct);

        result.Should().Be(new DigitCollection("12", DigitCollectionEnd.FinishKey, '#'));
        digits.TryRead(out var left).Should().BeTrue();
        left.Key.Should().Be('3', "keys after the finish key stay for the next reader");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task CollectAsync_EmptyFinishOnKey_HashIsADigit(CancellationToken ct)
    {
        var digits = new DigitBuffer(TimeProvider.System);
        digits.Push('#');
        digits.Push('1');

        var options = new DigitCollectOptions { FinishOnKey = string.Empty, NumDigits = 2 };
        var result = await DigitCollector.CollectAsync(digits, options, new FakeTimeProvider(), null, ct);

        result.Should().Be(new DigitCollection("#1", DigitCollectionEnd.NumDigits));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task CollectAsync_TimeoutRestartsAfterEachKey(CancellationToken ct)
    {
        var time = new FakeTimeProvider();
        var digits = new DigitBuffer(time);
        var options = new DigitCollectOptions { Timeout = TimeSpan.FromSeconds(5) };

        var collecting = DigitCollector.CollectAsync(digits, options, time, null, ct);
        time.Advance(TimeSpan.FromSeconds(4));
        digits.Push('7');
        time.Advance(TimeSpan.FromSeconds(4));
        collecting.IsCompleted.Should().BeFalse("4 s of silence after the key is under the 5 s timeout");
        time.Advance(TimeSpan.FromSeconds(1));

        (await collecting).Should().Be(new DigitCollection("7", DigitCollectionEnd.Timeout));
    }

    [Test]
    public void Push_InvalidKey_IsRefused()
    {
        var digits = new DigitBuffer(TimeProvider.System);

        digits.Push('x').Should().BeFalse();
        digits.Push('a').Should().BeTrue();
        digits.TryRead(out var key).Should().BeTrue();
        key.Key.Should().Be('A');
    }

    [Test]
    public void Push_PastCapacity_DropsTheOldestKey()
    {
        var digits = new DigitBuffer(TimeProvider.System);
        for (var i = 0; i <= DigitBuffer.Capacity; i++)
        {
            digits.Push(i == 0 ? '1' : '2');
        }

        digits.TryPeek(out var oldest).Should().BeTrue();
        oldest.Should().Be('2');
    }
}
