using EventObserver.Benchmarks.Scenarios;

// Speed is measured here, never in unit tests. Each scenario prints one JSON line on stdout;
// progress and details go to stderr.
var scenario = args.Length > 0 ? args[0] : "";
switch (scenario)
{
    case "ingest":
        var events = args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 200_000;
        await IngestScenario.RunAsync(events);
        return 0;
    case "replay":
        var replayEvents = args.Length > 1 && int.TryParse(args[1], out var r) && r > 0 ? r : 1_000_000;
        await ReplayScenario.RunAsync(replayEvents);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/EventObserver.Benchmarks -- <scenario> [args]");
        Console.Error.WriteLine("scenarios:");
        Console.Error.WriteLine("  ingest [events=200000]   produce 1 KB JSON events into the mock cluster; raw consume vs indexed vs naive LiteDB");
        Console.Error.WriteLine("  replay [events=1000000]  index demo-like order events; order-lifecycle projection (index read + sandbox) vs the same fold in C#");
        return 2;
}
