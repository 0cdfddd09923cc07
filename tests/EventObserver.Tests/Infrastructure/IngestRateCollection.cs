namespace EventObserver.Tests.Infrastructure;

/// <summary>Tests that measure the ingestion rate: they run alone, after the parallel ones, so other tests do not skew it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IngestRateCollection
{
    public const string Name = "Ingest rate (runs alone)";
}
