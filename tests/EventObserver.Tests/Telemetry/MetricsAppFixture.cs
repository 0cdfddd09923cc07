using System.Text;

using Confluent.Kafka;

using EventObserver.Core.Groups;
using EventObserver.TestSupport;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Telemetry;

/// <summary>
/// The real app ingesting from a mock cluster: <see cref="JsonEvents"/> JSON events on <see cref="Topic"/> and
/// <see cref="FramedEvents"/> Confluent-framed values on <see cref="FramedTopic"/> (no registry is configured, so each
/// is indexed undecoded as <c>SchemaUnavailable</c>), all indexed before the tests run. Consumer group
/// <see cref="GroupId"/> committed offset <see cref="GroupCommitted"/> on both partitions of <see cref="Topic"/>, read
/// through the mock path (<see cref="CommittedOffsetsGroupAdmin"/>), so the group gauges have series.
/// </summary>
public sealed class MetricsAppFixture : IAsyncLifetime
{
    public const int JsonEvents = 37;
    public const int FramedEvents = 3;
    public const long GroupCommitted = 1;

    private readonly MockClusterFixture _kafka = new();
    private readonly ClusterAppFactory _app;
    private readonly CommittedOffsetsGroupAdmin _groups;

    public MetricsAppFixture()
    {
        Topic = _kafka.CreateTopic("metrics-json", partitions: 2);
        FramedTopic = _kafka.CreateTopic("metrics-framed");
        GroupId = "metrics-group-" + Guid.NewGuid().ToString("N")[..8];
        _groups = new CommittedOffsetsGroupAdmin(_kafka.BootstrapServers, [GroupId], [(Topic, 2)]);
        _app = new ClusterAppFactory(_kafka.BootstrapServers, new Dictionary<string, string>
        {
            ["EventObserver:Groups:RefreshInterval"] = "00:00:01",

            // A configured process has its conversation series from the start (the dashboard's conversation panels).
            ["EventObserver:Monitoring:Processes:0:Start"] = "MetricsOrderPlaced",
        });
        App = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IConsumerGroupAdmin>(_groups)));
    }

    public string GroupId { get; }

    public string Topic { get; }

    public string FramedTopic { get; }

    public WebApplicationFactory<Program> App { get; }

    public async Task<PrometheusScrape> ScrapeAsync()
    {
        using var client = App.CreateClient();
        return PrometheusScrape.Parse(await client.GetStringAsync("/metrics"));
    }

    public async Task InitializeAsync()
    {
        using (var producer = new TestProducer(_kafka.BootstrapServers))
        {
            producer.SendMany(Topic, JsonEvents);
            for (var i = 0; i < FramedEvents; i++)
            {
                // Magic byte 0, schema id 4242, then an Avro-looking body.
                producer.Send(FramedTopic, Encoding.UTF8.GetBytes($"f{i}"), [0, 0, 0, 0x10, 0x92, 0x02, 0x61, 0x62]);
            }
        }

        using (var committer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = GroupId }).Build())
        {
            committer.Commit([new TopicPartitionOffset(Topic, 0, GroupCommitted), new TopicPartitionOffset(Topic, 1, GroupCommitted)]);
        }

        // Polled here rather than with Eventually: each look is an HTTP request, and its probe is synchronous.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var scrape = await ScrapeAsync();
        while (!Ready(scrape))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"the app did not index every produced event and report its lag within 60 s; last scrape: "
                    + $"{scrape.Sum(MetricNames.EventsIndexed, $"topic=\"{Topic}\"")} of {JsonEvents} indexed");
            }

            await Task.Delay(100);
            scrape = await ScrapeAsync();
        }
    }

    private bool Ready(PrometheusScrape scrape) =>
        scrape.Sum(MetricNames.EventsIndexed, $"topic=\"{Topic}\"") >= JsonEvents
        && scrape.Sum(MetricNames.EventsIndexed, $"topic=\"{FramedTopic}\"") >= FramedEvents
        && scrape.Samples.Any(s => s.Name == "eventobserver_ingestion_consumer_lag" && s.Labels.Contains(Topic, StringComparison.Ordinal))
        && scrape.Names.Contains("http_server_request_duration_seconds_count")
        && scrape.Samples.Any(s => s.Name == MetricNames.GroupLag && s.Labels.Contains(GroupId, StringComparison.Ordinal))
        && scrape.Samples.Any(s => s.Name == MetricNames.GroupTimeLag && s.Labels.Contains(GroupId, StringComparison.Ordinal));

    public Task DisposeAsync()
    {
        App.Dispose();
        _app.Dispose();
        _groups.Dispose();
        _kafka.Dispose();
        return Task.CompletedTask;
    }
}
