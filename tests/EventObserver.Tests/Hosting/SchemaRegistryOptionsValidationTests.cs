using EventObserver.Configuration;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.SchemaRegistry;

namespace EventObserver.Tests.Hosting;

public sealed class SchemaRegistryOptionsValidationTests
{
    [Fact]
    public void Validate_SeveralHttpUrlsAndBasicAuth_Succeeds()
    {
        var result = Validate(new SchemaRegistryOptions { Url = "http://a:8081, https://b:8081/apis/ccompat/v7", BasicAuthUserInfo = "svc:secret" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("not a url", null, null, 2000, "SchemaRegistry:Url 'not a url'")]
    [InlineData("http://a:8081", "svc:secret", "token", 2000, "not both")]
    [InlineData("http://a:8081", null, null, 0, "SchemaRegistry:TimeoutMs")]
    [InlineData("http://a:8081", "no-colon", null, 2000, "user:password")]
    public void Validate_BadRegistrySetting_FailsNamingIt(string url, string? userInfo, string? token, int timeoutMs, string expected)
    {
        var result = Validate(new SchemaRegistryOptions { Url = url, BasicAuthUserInfo = userInfo, BearerToken = token, TimeoutMs = timeoutMs });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SchemaRegistryOptions registry) =>
        new KafkaOptionsValidator().Validate(null, new KafkaOptions { SchemaRegistry = registry });
}
