using RcmlEngine.Calls.Records;

namespace RcmlEngine.Tests.Calls.Records;

[TestFixture]
public sealed class RecordsOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed()
    {
        var options = new RecordsOptions();

        new RecordsOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        options.StorePath.Should().Be(Path.Combine("data", "records.db"));
        options.Retention.Should().Be(TimeSpan.FromDays(30));
        options.PruneInterval.Should().Be(TimeSpan.FromHours(1));
    }

    [Test]
    public void Validate_RetentionZero_KeepsForeverAndSucceeds() =>
        new RecordsOptionsValidator().Validate(null, new RecordsOptions { Retention = TimeSpan.Zero }).Succeeded.Should().BeTrue();

    [Test]
    public void Validate_BadValues_NameEachSetting()
    {
        var options = new RecordsOptions { StorePath = " ", Retention = TimeSpan.FromDays(-1), PruneInterval = TimeSpan.Zero };

        var result = new RecordsOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().HaveCount(3).And.Satisfy(
            f => f.StartsWith("Records:StorePath", StringComparison.Ordinal),
            f => f.StartsWith("Records:Retention", StringComparison.Ordinal),
            f => f.StartsWith("Records:PruneInterval", StringComparison.Ordinal));
    }
}
