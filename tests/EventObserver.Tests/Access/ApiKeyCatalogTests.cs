using EventObserver.Access.Authentication;
using EventObserver.Access.Options;

namespace EventObserver.Tests.Access;

public sealed class ApiKeyCatalogTests
{
    private readonly ApiKeyCatalog _catalog = new(TestAuthOptions.Monitor(new AuthOptions
    {
        ApiKeys =
        [
            new ApiKeyOptions { Name = "viewer", Sha256 = TestAuthOptions.Sha256Hex("key-one") },
            new ApiKeyOptions { Name = "operator", Sha256 = TestAuthOptions.Sha256Hex("key-two").ToLowerInvariant() },
        ],
    }));

    [Theory]
    [InlineData("key-one", "viewer")]
    [InlineData("key-two", "operator")]
    [InlineData("key-three", null)]
    [InlineData("", null)]
    public void Find_PresentedKey_IsTheKeyWhoseHashMatches(string presented, string? name) =>
        Assert.Equal(name, _catalog.Find(presented)?.Name);
}
