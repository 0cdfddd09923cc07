namespace EventObserver.Storage.Postgres.Schema;

/// <summary>One embedded schema script: <c>Schema/Migrations/NNN_name.sql</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
