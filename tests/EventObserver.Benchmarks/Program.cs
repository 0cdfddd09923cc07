Console.Error.WriteLine("usage: EventObserver.Benchmarks ingest [events]");
return 2;
