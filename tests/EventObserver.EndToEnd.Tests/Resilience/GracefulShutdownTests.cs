using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Embedded;
using EventObserver.Storage.Projections;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Chaos;
using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.EndToEnd.Tests.Resilience;

/// <summary>
/// SIGTERM during ingestion, as an orchestrator stops a container: the app exits within 5 s with code 0 (with a live
/// feed hub client connected), a publish replay in progress is logged as stopped by the shutdown, and after a restart
/// every produced message is indexed once.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const string ReplayTarget = "replay-shutdown";
    private static readonly TimeSpan ExitBudget = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task App_SigtermDuringIngestionAndAPublishRun_ExitsWithin5sAndLosesNothing()
    {
        // Arrange: a broker outside the app, a steady producer, the app ingesting, a slow publish run going.
        using var cluster = new MockKafkaCluster(brokers: 1);
        var topic = MockClusterFixture.UniqueTopic("sigterm");
        cluster.CreateTopic(topic, 4);
        cluster.CreateTopic(ReplayTarget, 1);
        using var temp = new TempDirectory("eventobserver-sigterm");
        var storagePath = temp.File("index.db");
        using var producer = new AuditedProducer(cluster.BootstrapServers, topic, eventsPerSecond: 2_000, seed: 7);
        producer.Start();
        var environment = new Dictionary<string, string>
        {
            ["EventObserver__Replay__AllowPublish"] = "true",
            ["EventObserver__Replay__AllowedTargets__0"] = "replay-.*",
        };

        await using (var app = await AppProcess.StartAsync(cluster.BootstrapServers, storagePath, environment))
        {
            var first = await app.WaitForIndexedAsync(n => n > 0, TimeSpan.FromSeconds(60), "the first indexed batch");
            var started = await app.Http.PostAsJsonAsync("/api/replays", new
            {
                selection = new { topics = new[] { topic } },
                publish = new { targetTopic = ReplayTarget, ratePerSec = 20 },
            });
            Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"{started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
            var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/events")).Build();
            await hub.StartAsync();
            await hub.InvokeAsync("Subscribe", (object?)null);
            await app.WaitForIndexedAsync(n => n > first + 1_000, TimeSpan.FromSeconds(60), "ingestion going on");

            // Act
            var (exitCode, took) = await app.TerminateAsync(TimeSpan.FromSeconds(30));

            // Assert: a clean, bounded exit.
            Assert.True(exitCode == 0, $"exit code {exitCode}\n{app.Output}");
            Assert.True(took < ExitBudget, $"the app took {took.TotalMilliseconds:0} ms to exit after SIGTERM\n{app.Output}");
            Assert.NotNull(runId);
        }

        // The publish run was stopped between two messages and says why in the publish log (runs live in memory only).
        using (var store = ProjectionStore.Open(ProjectionStore.PathNextTo(storagePath)))
        {
            var logged = Assert.Single(store.ListPublishes());
            Assert.Equal("stopped", logged.Status);
            Assert.Equal(ReplayRunManager.ShutdownReason, logged.Error);
            Assert.InRange(logged.Sent, 1, logged.Selected - 1);
        }

        // After a restart, every produced message is in the index exactly once.
        producer.StopAndFlush(TimeSpan.FromSeconds(60));
        var produced = producer.Delivered.Count;
        await using (var second = await AppProcess.StartAsync(cluster.BootstrapServers, storagePath))
        {
            await second.WaitForIndexedAsync(n => n >= produced, TimeSpan.FromSeconds(90), $"all {produced} messages indexed");
            second.Kill();
        }

        var audit = IndexAudit.Compare(storagePath, topic, producer.Delivered);
        Assert.True(audit.Lost == 0 && audit.Duplicated == 0, $"{audit.Lost} lost, {audit.Duplicated} duplicated: {string.Join("; ", audit.Details)}");
    }
}
