using System.Globalization;
using System.Text.Json;
using EventObserver.TestSupport.Chaos;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>chaos</c>: the driver shared with the CI test (<see cref="ChaosDriver"/>) at full size: 2,000 events/s,
/// 20 SIGKILLs of the app and 10 outages of 5–30 s of every broker, interleaved in a seeded order; afterwards the index
/// is compared with what was produced (position and payload hash). Last line: kills, outages, produced, lost, duplicated
/// and the p95 time from the brokers' return to the first newly indexed event.
/// </summary>
internal static class ChaosScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ChaosOptions
        {
            Kills = Option(args, "--kills", 20),
            Outages = Option(args, "--outages", 10),
            Seed = Option(args, "--seed", 13),
            EventsPerSecond = Option(args, "--rate", 2_000),
            MinOutage = TimeSpan.FromSeconds(Option(args, "--min-outage", 5)),
            MaxOutage = TimeSpan.FromSeconds(Option(args, "--max-outage", 30)),
            Progress = Console.Error.WriteLine,
        };
        Console.Error.WriteLine($"chaos: {options.Kills} kills, {options.Outages} outages of {options.MinOutage.TotalSeconds:0}–{options.MaxOutage.TotalSeconds:0} s, {options.EventsPerSecond} events/s, seed {options.Seed}");
        var result = await ChaosDriver.RunAsync(options);
        Console.Error.WriteLine("resume after each outage (ms): " + string.Join(", ", result.ResumeMs.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture))));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            scenario = "chaos",
            kills = result.Kills,
            outages = result.Outages,
            produced = result.Produced,
            lost = result.Lost,
            duplicated = result.Duplicated,
            resumeP95Ms = Math.Round(result.ResumeP95Ms),
        }));
        return result.Lost == 0 && result.Duplicated == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;
    }
}
