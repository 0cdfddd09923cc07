using System.Text;

using EventObserver.Configuration;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.TestSupport;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Access;

public sealed class MaskingRegistrationTests(MockClusterFixture kafka) : IClassFixture<MockClusterFixture>
{
    [Fact]
    public void NoRules_RegistersNoMasking()
    {
        using var factory = new SeededAppFactory();

        Assert.Same(NoMasking.Instance, factory.Services.GetRequiredService<IEventMasker>());
    }

    [Fact]
    public void RulesInConfiguration_AreBoundIntoTheMasker()
    {
        using var factory = new SeededAppFactory().WithWebHostBuilder(b => b
            .UseSetting("EventObserver:Masking:HashSalt", "0123456789abcdef0123")
            .UseSetting("EventObserver:Masking:Rules:0:Topic", "^payments$")
            .UseSetting("EventObserver:Masking:Rules:0:JsonPath", "$.card.number")
            .UseSetting("EventObserver:Masking:Rules:0:Action", "KeepLast4")
            .UseSetting("EventObserver:Masking:Rules:1:Header", "x-customer")
            .UseSetting("EventObserver:Masking:Rules:1:Action", "Hash"));

        var masker = factory.Services.GetRequiredService<IEventMasker>();
        var masked = masker.Mask(Event("payments"));
        var other = masker.Mask(Event("orders"));

        Assert.IsType<EventMasker>(masker);
        Assert.Equal("""{"card":{"number":"****1111"}}""", Encoding.UTF8.GetString(masked.Payload!));
        Assert.StartsWith("sha256:", Encoding.UTF8.GetString(masked.Headers[0].Value!), StringComparison.Ordinal);
        Assert.Equal("""{"card":{"number":"4111111111111111"}}""", Encoding.UTF8.GetString(other.Payload!));
        Assert.StartsWith("sha256:", Encoding.UTF8.GetString(other.Headers[0].Value!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EventObserver:Masking:Rules:0:Pattern", "(unclosed", "EventObserver:Masking:Rules:0:Pattern")]
    [InlineData("EventObserver:Masking:Rules:0:Action", "Hash", "EventObserver:Masking:HashSalt")]
    [InlineData("EventObserver:Masking:Rules:0:JsonPath", "$.a..", "EventObserver:Masking:Rules:0:JsonPath")]
    public void Start_BadRule_FailsWithMessageNamingTheSetting(string key, string value, string named)
    {
        using var factory = new SeededAppFactory().WithWebHostBuilder(b => b
            .UseSetting("EventObserver:Masking:Rules:0:Header", key.EndsWith(":Action", StringComparison.Ordinal) ? "x-card" : null)
            .UseSetting(key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.True(StartupFailure.IsConfigurationError(error), error.ToString());
        Assert.Contains(named, StartupFailure.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtIngest_TheAppsIndexHoldsTheMaskedPayload()
    {
        var topic = kafka.CreateTopic("app-mask");
        using (var producer = new TestProducer(kafka.BootstrapServers))
        {
            producer.Send(topic, "k", """{"card":{"number":"4111111111111111"},"n":1}""", ("x-card", "4111111111111111"));
        }

        using var factory = new ClusterAppFactory(kafka.BootstrapServers).WithWebHostBuilder(b => b
            .UseSetting("EventObserver:Masking:AtIngest", "true")
            .UseSetting("EventObserver:Masking:Rules:0:JsonPath", "$.card.number")
            .UseSetting("EventObserver:Masking:Rules:0:Action", "KeepLast4")
            .UseSetting("EventObserver:Masking:Rules:1:Header", "x-card"));
        _ = factory.Services; // starts the host, and with it ingestion
        var indexes = factory.Services.GetRequiredService<ICurrentIndex>();

        await Eventually.TrueAsync(() => indexes.TryGet(out var index) && index.Get(topic, 0, 0) is not null, "the event to be indexed");

        Assert.True(indexes.TryGet(out var current));
        var stored = current.Get(topic, 0, 0)!;
        Assert.Equal("""{"card":{"number":"****1111"},"n":1}""", Encoding.UTF8.GetString(stored.Payload!));
        Assert.Equal("****", Encoding.UTF8.GetString(stored.Headers.Single(h => h.Key == "x-card").Value!));
    }

    private static EventEnvelope Event(string topic) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = 0,
        TimestampMs = 0,
        MessageId = "m-1",
        Headers = [new EnvelopeHeader("X-Customer", "c-1"u8.ToArray())],
        Payload = """{"card":{"number":"4111111111111111"}}"""u8.ToArray(),
        PayloadFormat = PayloadFormat.Json,
    };
}
