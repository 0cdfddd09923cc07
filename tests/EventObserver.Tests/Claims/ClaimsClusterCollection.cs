namespace EventObserver.Tests.Claims;

/// <summary>The settings and publish claims share one app (and cluster): starting one is most of their cost.</summary>
[CollectionDefinition(Name)]
public sealed class ClaimsClusterCollection : ICollectionFixture<ClaimsClusterFixture>
{
    public const string Name = "claims-cluster";
}
