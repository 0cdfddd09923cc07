using EventObserver.Configuration;
using EventObserver.Kafka.Configuration;

namespace EventObserver.Tests.Hosting;

public sealed class DemoOptionsValidationTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new DemoOptionsValidator().Validate(null, new DemoOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public void Validate_AnalyticsDelayOutOfRange_FailsNamingIt(int seconds)
    {
        var result = new DemoOptionsValidator().Validate(null, new DemoOptions { AnalyticsDelay = TimeSpan.FromSeconds(seconds) });

        Assert.True(result.Failed);
        Assert.Contains("Demo:AnalyticsDelay", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, 0.0, "EventObserver:Demo:StallRate must be between 0 and 1; it is -0.1.")]
    [InlineData(0.0, 1.5, "EventObserver:Demo:LateRate must be between 0 and 1; it is 1.5.")]
    [InlineData(0.5, 0.4, "EventObserver:Demo:PaymentFailureRate + StallRate + LateRate must be at most 1 (each order has one outcome); they are 0.15 + 0.5 + 0.4.")]
    public void Validate_OutcomeRatesOutOfRange_FailNamingTheSetting(double stall, double late, string expected)
    {
        var result = new DemoOptionsValidator().Validate(null, new DemoOptions { StallRate = stall, LateRate = late });

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Validate_RatesSummingToOne_Succeed()
    {
        var result = new DemoOptionsValidator().Validate(null, new DemoOptions { PaymentFailureRate = 0.5, StallRate = 0.3, LateRate = 0.2 });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void Validate_LateDelayOutOfRange_FailsNamingIt(int seconds)
    {
        var result = new DemoOptionsValidator().Validate(null, new DemoOptions { LateDelay = TimeSpan.FromSeconds(seconds) });

        Assert.Equal([$"EventObserver:Demo:LateDelay must be greater than 00:00:00 and at most 01:00:00; it is {TimeSpan.FromSeconds(seconds)}."], result.Failures);
    }
}
