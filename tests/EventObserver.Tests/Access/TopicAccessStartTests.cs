using EventObserver.Configuration;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace EventObserver.Tests.Access;

public sealed class TopicAccessStartTests
{
    [Fact]
    public void Start_BadTopicAccessPattern_FailsWithOneMessageNamingTheRule()
    {
        using var factory = new SeededAppFactory(b =>
        {
            b.UseSetting("EventObserver:Auth:TopicAccess:0:Group", "sales");
            b.UseSetting("EventObserver:Auth:TopicAccess:0:Allow:0", "orders.(unclosed");
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.True(StartupFailure.IsConfigurationError(error), error.ToString());
        Assert.Contains("EventObserver:Auth:TopicAccess:0:Allow:0 'orders.(unclosed' is not a valid regular expression", StartupFailure.Describe(error), StringComparison.Ordinal);
    }
}
