using EventObserver.Benchmarks.Scenarios;
using EventObserver.Benchmarks.Support;

// Speed is measured here, never in unit tests. Each scenario prints one JSON line on stdout;
// progress and details go to stderr.
var scenario = args.Length > 0 ? args[0] : "";
switch (scenario)
{
    case "ingest":
        var formatAt = Array.IndexOf(args, "--format");
        var format = formatAt > 0 && formatAt + 1 < args.Length ? args[formatAt + 1] : "json";
        if (format is not ("json" or "avro" or "protobuf"))
        {
            Console.Error.WriteLine($"unknown --format '{format}': json, avro or protobuf");
            return 2;
        }

        var observersAt = Array.IndexOf(args, "--observers");
        var observers = 1;
        if (observersAt > 0 && (observersAt + 1 >= args.Length || !int.TryParse(args[observersAt + 1], out observers) || observers < 1))
        {
            Console.Error.WriteLine("--observers takes a whole number of 1 or more");
            return 2;
        }

        if (StoreOption(args) is not { } ingestStore)
        {
            return 2;
        }

        if (observers > 1 && ingestStore != "postgres")
        {
            Console.Error.WriteLine("--observers needs --store postgres (a LiteDB file has one writer)");
            return 2;
        }

        var events = args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 200_000;
        using (var postgres = ingestStore == "postgres" ? OpenPostgres() : null)
        {
            if (ingestStore == "postgres" && postgres is null)
            {
                return 2;
            }

            await IngestScenario.RunAsync(events, format, demoLike: args.Contains("--demo-like"), postgres, observers);
        }

        return 0;
    case "lineage":
        if (StoreOption(args) is not { } lineageStore)
        {
            return 2;
        }

        using (var postgres = lineageStore == "postgres" ? OpenPostgres() : null)
        {
            if (lineageStore == "postgres" && postgres is null)
            {
                return 2;
            }

            LineageScenario.Run(args.Length > 1 && int.TryParse(args[1], out var total) && total >= 10_000 ? total : 1_000_000, postgres);
        }

        return 0;
    case "replay":
        var replayEvents = args.Length > 1 && int.TryParse(args[1], out var r) && r > 0 ? r : 1_000_000;
        await ReplayScenario.RunAsync(replayEvents);
        return 0;
    case "feed":
        var seconds = args.Length > 1 && int.TryParse(args[1], out var d) && d > 0 ? d : 60;
        var rate = args.Length > 2 && int.TryParse(args[2], out var feedRate) && feedRate > 0 ? feedRate : 5_000;
        var access = args.Length > 3 && args[3] == "masked";
        await FeedScenario.RunAsync(seconds, rate, access);
        return 0;
    case "hostile":
        await HostileScenario.RunAsync(args.Length > 1 && int.TryParse(args[1], out var pairs) && pairs > 0 ? pairs : 3);
        return 0;
    case "masking":
        MaskingScenario.Run(args.Length > 1 && int.TryParse(args[1], out var masked) && masked > 0 ? masked : 100_000);
        return 0;
    case "soak":
        var minutesAt = Array.IndexOf(args, "--minutes");
        var minutes = 10;
        if (minutesAt > 0 && (minutesAt + 1 >= args.Length || !int.TryParse(args[minutesAt + 1], out minutes) || minutes < 2))
        {
            Console.Error.WriteLine("--minutes takes a whole number of 2 or more (the first minute is the warm-up)");
            return 2;
        }

        await SoakScenario.RunAsync(minutes);
        return 0;
    case "chaos":
        return await ChaosScenario.RunAsync(args);
    case "groups":
        var groupCount = args.Length > 1 && int.TryParse(args[1], out var gc) && gc > 0 ? gc : 500;
        var groupRefreshes = args.Length > 2 && int.TryParse(args[2], out var gr) && gr > 0 ? gr : 20;
        await GroupsScenario.RunAsync(groupCount, groupRefreshes, events: 1_000_000);
        return 0;
    case "conversations":
        await ConversationsScenario.RunAsync(args.Length > 1 && int.TryParse(args[1], out var cs) && cs > 0 ? cs : 60);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/EventObserver.Benchmarks -- <scenario> [args]");
        Console.Error.WriteLine("scenarios:");
        Console.Error.WriteLine("  ingest [events=200000] [--format json|avro|protobuf] [--demo-like] [--store litedb|postgres] [--observers N]");
        Console.Error.WriteLine("                           produce 1 KB JSON events into the mock cluster; raw consume vs indexed vs naive LiteDB;");
        Console.Error.WriteLine("                           index and raw bytes per event; --demo-like: 0.3-0.6 KB demo-shop events with random ids instead");
        Console.Error.WriteLine("                           avro/protobuf: the same events schema-encoded and framed (embedded registry), plus the JSON rate of the same run");
        Console.Error.WriteLine("                           --store postgres: after the LiteDB line, the same topic indexed into PostgreSQL (second line, \"store\":\"postgres\",");
        Console.Error.WriteLine("                           bytes per event = tables + indexes + TOAST of its schema; rows checked exactly once by position);");
        Console.Error.WriteLine("                           --observers N (postgres only): N ingestion services in one consumer group on the same schema");
        Console.Error.WriteLine("  lineage [events=1000000] [--store litedb|postgres]   lineage query + layout (500-message correlation, random events) vs a full");
        Console.Error.WriteLine("                           scan; layout of 2,000 nodes; index bytes per event; --store postgres: a second line on PostgreSQL");
        Console.Error.WriteLine("  replay [events=1000000]  index demo-like order events; order-lifecycle projection (index read + sandbox) vs the same fold in C#");
        Console.Error.WriteLine("  feed [seconds=60] [rate=5000] [masked]   steady produce into the app (own process); hub and browser latency, app RSS;");
        Console.Error.WriteLine("                           masked: one masking rule on every event and the hub client signs in with an API key");
        Console.Error.WriteLine("  soak [--minutes N]       N minutes (default 10) at 5,000 events/s with 5 browser tabs (feed, lineage, flow map, conventions,");
        Console.Error.WriteLine("                           a running replay), 10 hub clients and retention deleting; RSS per minute and its slope,");
        Console.Error.WriteLine("                           browser and hub p95 per minute, GC pause, index size, warnings and errors the app logged");
        Console.Error.WriteLine("  chaos [--kills 20] [--outages 10] [--seed 13] [--rate 2000]   the app (own process) under SIGKILLs and 5-30 s outages of");
        Console.Error.WriteLine("                           every broker at a steady rate; lost/duplicated by position and payload hash, resume p95 after outages");
        Console.Error.WriteLine("  groups [groups=500] [refreshes=20]   consumer group refresh: groups x 1,000 partitions, offsets moving, time lag from a");
        Console.Error.WriteLine("                           real index of 1,000,000 events; refresh p95 (target <= 1000 ms) and one uncached time-lag lookup p95");
        Console.Error.WriteLine("  conversations [seconds=60]   100,000 open conversations tracked while the LiteDB index takes 5,000 events/s; tracking's");
        Console.Error.WriteLine("                           share of writer time, heap bytes per open conversation, stuck detection delay p95 (1 s Check timer)");
        Console.Error.WriteLine("  hostile [pairs=3]        the app (own process) indexes backlogs of 150,000 small and 20 x 64 KB events, alternately with and");
        Console.Error.WriteLine("                           without 10 hub subscribers on the costliest text filter allowed; both rates and the share kept");
        Console.Error.WriteLine("  masking [events=100000]  masking cost per event (ns, allocated bytes) of one JSON path rule on demo-like events");
        Console.Error.WriteLine($"PostgreSQL (--store postgres): the server {PostgresTarget.EnvironmentVariable} names, else a throwaway one started for the run");
        return 2;
}

// The LiteDB path always runs: "postgres" adds the PostgreSQL measurement of the same data beside it.
static string? StoreOption(string[] args)
{
    var at = Array.IndexOf(args, "--store");
    var store = at > 0 && at + 1 < args.Length ? args[at + 1] : at > 0 ? "" : "litedb";
    if (store is "litedb" or "postgres")
    {
        return store;
    }

    Console.Error.WriteLine($"unknown --store '{store}': litedb or postgres");
    return null;
}

static PostgresTarget? OpenPostgres()
{
    var target = PostgresTarget.Open(out var error);
    Console.Error.WriteLine(target is null ? $"[postgres] cannot run: {error}" : $"[postgres] using {target.Description}");
    if (target is { WalSegmentsWarmed: > 0 } warmed)
    {
        Console.Error.WriteLine($"[postgres] its WAL was written and recycled first, as on a server that has been running: {warmed.WalSegmentsWarmed} files of 16 MB ready for reuse");
    }

    return target;
}
