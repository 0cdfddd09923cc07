using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Postgres;

/// <summary>The Postgres tests share one throwaway server; each test opens a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Postgres";
}
