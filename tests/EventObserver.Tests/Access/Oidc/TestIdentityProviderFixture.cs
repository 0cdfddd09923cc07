using EventObserver.TestSupport.Oidc;

namespace EventObserver.Tests.Access.Oidc;

/// <summary>One <see cref="TestIdentityProvider"/> for the tests of a class.</summary>
public sealed class TestIdentityProviderFixture : IAsyncLifetime
{
    private TestIdentityProvider? _provider;

    public TestIdentityProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

    public async Task InitializeAsync() => _provider = await TestIdentityProvider.StartAsync();

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
