using RcmlEngine.Api;

namespace RcmlEngine.Tests.Api;

[TestFixture]
public sealed class ApiDateFilterTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Read_ADate_IsThatWholeDay()
    {
        var (from, to) = ApiDateFilter.Read(new ApiFormReader(ApiForm.Parse("StartTime=2026-12-07")), "StartTime");

        from.Should().Be(Day);
        to.Should().Be(Day.AddDays(1));
    }

    [Test]
    public void Read_OnOrAfterAndOnOrBefore_MakeARange()
    {
        var (from, to) = ApiDateFilter.Read(new ApiFormReader(ApiForm.Parse("StartTime%3E=2026-12-01&StartTime%3C=2026-12-07")), "StartTime");

        from.Should().Be(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        to.Should().Be(Day.AddDays(1), "on or before a date includes that day");
    }

    [Test]
    public void Read_AnIsoInstant_IsThatInstant()
    {
        var (from, to) = ApiDateFilter.Read(new ApiFormReader(ApiForm.Parse("EndTime%3E=2026-12-07T10:00:00Z")), "EndTime");

        from.Should().Be(Day.AddHours(10));
        to.Should().BeNull();
    }

    [Test]
    public void Read_NotADate_FailsNamingIt()
    {
        var reader = new ApiFormReader(ApiForm.Parse("StartTime=yesterday"));

        ApiDateFilter.Read(reader, "StartTime").Should().Be((null, null));
        reader.Error.Should().NotBeNull();
    }
}
