namespace EventObserver.Storage.Postgres.Schema;

/// <summary>What opening a schema found: the cluster id stamped in it, where another cluster's index went, how many migrations ran.</summary>
internal sealed record SchemaOpening(string ClusterId, string? ArchivedTo, int Applied);
