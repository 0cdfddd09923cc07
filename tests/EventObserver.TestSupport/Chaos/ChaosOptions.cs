namespace EventObserver.TestSupport.Chaos;

/// <summary>What a chaos run does: how many SIGKILLs and broker outages, how long, at what produce rate, which seed.</summary>
public sealed record ChaosOptions
{
    public int Kills { get; init; } = 20;
    public int Outages { get; init; } = 10;
    public int Seed { get; init; } = 13;
    public int EventsPerSecond { get; init; } = 2_000;
    /// <summary>
    /// Many partitions: the mock keeps only ~5 MiB per partition. With 8, a full run (750,000 messages, ~19 MiB per
    /// partition) had the broker delete 30,530 messages the app had not read yet (recorded by it as retention gaps).
    /// </summary>
    public int Partitions { get; init; } = 32;
    public int Brokers { get; init; } = 3;
    public TimeSpan MinOutage { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxOutage { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Normal ingestion between two faults, drawn between this and twice it.</summary>
    public TimeSpan Calm { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the app may take to index everything once production has stopped.</summary>
    public TimeSpan CatchUpTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Progress lines (stderr in the benchmark, the test output in a test); null: silent.</summary>
    public Action<string>? Progress { get; init; }
}
