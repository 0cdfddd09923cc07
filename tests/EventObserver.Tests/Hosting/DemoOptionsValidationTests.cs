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
}
