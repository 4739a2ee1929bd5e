using RcmlEngine.Hosting;

namespace RcmlEngine.Tests.Hosting;

[TestFixture]
public sealed class AdmissionSettingsTests
{
    [Test]
    public void Admission_Defaults_AtMost2000CallsAnd200PerSecond()
    {
        var admission = EngineSettings.Admission(new EngineOptions());

        admission.MaxConcurrentCalls.Should().Be(2000, "the default RTP range (10000-20000) holds 5000 pairs, more than the cap");
        admission.MaxCallsPerSecond.Should().Be(200);
        admission.MaxSchedulingDelay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Test]
    public void Admission_SmallRtpRange_OneCallPerPairOfPorts()
    {
        var options = new EngineOptions { Rtp = { PortMin = 40000, PortMax = 40099 } };

        EngineSettings.Admission(options).MaxConcurrentCalls.Should().Be(50);
    }

    [Test]
    public void Admission_Configured_WinsOverTheRtpRange()
    {
        var options = new EngineOptions { Rtp = { PortMin = 40000, PortMax = 40099 }, Limits = { MaxConcurrentCalls = 0, MaxCallsPerSecond = 5 } };

        var admission = EngineSettings.Admission(options);

        admission.MaxConcurrentCalls.Should().Be(0, "0 turns the limit off");
        admission.MaxCallsPerSecond.Should().Be(5);
    }

    [Test]
    public void Validate_NegativeOverloadLimits_NamedBySetting()
    {
        var options = new EngineOptions
        {
            Limits = { MaxConcurrentCalls = -1, MaxCallsPerSecond = -1, MaxSchedulingDelay = TimeSpan.FromSeconds(-1), DrainTimeout = TimeSpan.FromSeconds(-1) },
        };

        var result = new EngineOptionsValidator().Validate(null, options);

        result.Failures.Should().Contain([
            "Limits:MaxConcurrentCalls must not be negative (0: no limit)",
            "Limits:MaxCallsPerSecond must not be negative (0: no limit)",
            "Limits:MaxSchedulingDelay must not be negative (0: no guard)",
            "Limits:DrainTimeout must be from 00:00:00 to 00:30:00",
        ]);
    }
}
