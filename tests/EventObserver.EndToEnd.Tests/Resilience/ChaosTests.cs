using EventObserver.TestSupport.Chaos;
using Xunit.Abstractions;

namespace EventObserver.EndToEnd.Tests.Resilience;

/// <summary>
/// The short form of the <c>chaos</c> benchmark (same driver): SIGKILLs and outages of every broker during steady
/// ingestion, the app in its own process; afterwards every produced message is in the index once, with its payload.
/// The resume time is the benchmark's goal, not asserted here (a loaded CI machine).
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task App_KilledThreeTimesAndTwoBrokerOutages_IndexHoldsEveryProducedMessageExactlyOnce()
    {
        var options = new ChaosOptions
        {
            Kills = 3,
            Outages = 2,
            Seed = 13,
            MinOutage = TimeSpan.FromSeconds(5),
            MaxOutage = TimeSpan.FromSeconds(6),
            Progress = output.WriteLine,
        };

        var result = await ChaosDriver.RunAsync(options);

        Assert.True(result.Produced > 10_000, $"only {result.Produced} messages produced");
        Assert.Equal(2, result.ResumeMs.Count);
        Assert.Equal(0, result.HashMismatches);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
    }
}
