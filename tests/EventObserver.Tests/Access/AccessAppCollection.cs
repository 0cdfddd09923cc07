namespace EventObserver.Tests.Access;

/// <summary>One app with topic rules for every access test class (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class AccessAppCollection : ICollectionFixture<AccessAppFixture>
{
    public const string Name = "access-app";
}
