namespace EventObserver.Tests.Security;

/// <summary>The security test classes share one app on a real port (one start instead of four) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityAppCollection : ICollectionFixture<SecurityAppFixture>
{
    public const string Name = "Security app";
}
