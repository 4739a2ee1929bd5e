using RcmlEngine.Api;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Tests.Api;

[TestFixture]
public sealed class ApiFormTests
{
    [Test]
    public void Parse_NamesAreCaseSensitive_AsTwilioReadsThem()
    {
        var form = ApiForm.Parse("to=a&To=b");

        form["To"].Should().Be("b");
        form["to"].Should().Be("a");
        form["TO"].Should().BeNull();
    }

    [Test]
    public void Parse_RepeatedNames_AreAList()
    {
        var form = ApiForm.Parse("StatusCallbackEvent=ringing&StatusCallbackEvent=answered+completed");

        form.All("StatusCallbackEvent").Should().Equal("ringing", "answered completed");
    }

    [Test]
    public void Parse_PercentAndPlus_AreDecoded()
    {
        var form = ApiForm.Parse("?Twiml=%3CResponse%3E%3CSay%3Ehi+there%3C%2FSay%3E%3C%2FResponse%3E&StartTime%3E=2026-12-07");

        form["Twiml"].Should().Be("<Response><Say>hi there</Say></Response>");
        form["StartTime>"].Should().Be("2026-12-07");
    }

    [TestCase("10", 1, 600, 10)]
    [TestCase("900", 1, 600, 600)]
    public void Integer_AboveTheMost_IsLoweredToIt(string text, int min, int max, int expected)
    {
        var reader = new ApiFormReader(ApiForm.Parse("Timeout=" + text));

        reader.Integer("Timeout", min, max).Should().Be(expected);
        reader.Error.Should().BeNull();
    }

    [TestCase("0")]
    [TestCase("soon")]
    public void Integer_NotAWholeNumberInRange_FailsNamingIt(string text)
    {
        var reader = new ApiFormReader(ApiForm.Parse("Timeout=" + text));

        reader.Integer("Timeout", 1, 600).Should().BeNull();
        reader.Error.Should().NotBeNull();
    }

    [Test]
    public void Events_RepeatedOrSpaced_AreUnited()
    {
        var reader = new ApiFormReader(ApiForm.Parse("StatusCallbackEvent=initiated+ringing&StatusCallbackEvent=completed"));

        reader.Events("StatusCallbackEvent", CallProgressEvents.None).Should().Be(
            CallProgressEvents.Initiated | CallProgressEvents.Ringing | CallProgressEvents.Completed);
    }
}
