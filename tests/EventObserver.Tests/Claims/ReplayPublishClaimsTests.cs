using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Confluent.Kafka;

using EventObserver.TestSupport;

namespace EventObserver.Tests.Claims;

/// <summary>A real re-publish through <c>POST /api/replays</c> with <c>Replay:AllowPublish=true</c>, read back from the mock cluster.</summary>
[Collection(ClaimsClusterCollection.Name)]
public sealed class ReplayPublishClaimsTests(ClaimsClusterFixture fixture)
{
    private const int Count = 6;
    private const double RatePerSec = 10;

    [Fact]
    public async Task Publish_Allowed_CopiesAreByteExactWithReplayHeaders_PacedAndLoggedCompleted()
    {
        await fixture.WaitUntilIngestedAsync(fixture.SourceTopic);
        var originals = Enumerable.Range(0, Count).Select(i => fixture.Producer.Send(
            fixture.SourceTopic,
            [0x00, 0xff, (byte)i],
            [0x01, 0x00, 0xfe, (byte)i, 0x80],
            ("message-type", Encoding.UTF8.GetBytes("Shipped")),
            ("bin", [0x00, 0x01, 0xfe, 0xff]),
            ("empty", null),
            ("bin", [(byte)i]))).ToList();
        await Eventually.MatchAsync(
            () => fixture.EventsAsync(fixture.SourceTopic).GetAwaiter().GetResult().Count(e => e.GetProperty("type").GetString() == "Shipped"),
            n => n == Count,
            "the originals to be indexed");

        var start = await fixture.Client.PostAsJsonAsync("/api/replays", new
        {
            selection = new { topic = fixture.SourceTopic, type = "Shipped" },
            publish = new { targetTopic = fixture.TargetTopic, dryRun = false, ratePerSec = RatePerSec },
        });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var run = await Eventually.MatchAsync(
            () => fixture.Client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult(),
            r => r.GetProperty("status").GetString() is "completed" or "failed" or "stopped",
            "the publish run to finish");
        var copies = ReadCopies(Count);
        var log = await fixture.Client.GetFromJsonAsync<JsonElement>("/api/replays/publishes");

        Assert.Equal("completed", run.GetProperty("status").GetString());
        for (var i = 0; i < Count; i++)
        {
            var original = originals[i];
            var copy = copies[i];
            Assert.Equal(original.Message.Key, copy.Message.Key);
            Assert.Equal(original.Message.Value, copy.Message.Value);
            var copied = copy.Message.Headers.Select(h => (h.Key, Value: (byte[]?)h.GetValueBytes())).ToList();
            var kept = copied.Where(h => !h.Key.StartsWith("x-replay", StringComparison.Ordinal)).ToList();
            Assert.Equal(original.Message.Headers.Select(h => (h.Key, Value: (byte[]?)h.GetValueBytes())), kept);
            Assert.Equal($"{fixture.SourceTopic}/{original.Partition.Value}/{original.Offset.Value}", Header(copied, "x-replay-of"));
            Assert.Equal(id, Header(copied, "x-replay-id"));
            Assert.False(string.IsNullOrEmpty(Header(copied, "x-replayed-at")));
        }

        // Send n is due n / rate after the first: at 10/s the sixth goes out no earlier than 0.5 s after the first.
        var span = copies[^1].Message.Timestamp.UtcDateTime - copies[0].Message.Timestamp.UtcDateTime;
        Assert.True(span >= TimeSpan.FromSeconds((Count - 1) / RatePerSec * 0.9), $"{Count} copies at {RatePerSec}/s took only {span.TotalMilliseconds} ms");
        var entry = log.EnumerateArray().Single(e => e.GetProperty("replayId").GetString() == id);
        Assert.False(entry.GetProperty("dryRun").GetBoolean());
        Assert.Equal("completed", entry.GetProperty("status").GetString());
        Assert.Equal(Count, entry.GetProperty("sent").GetInt64());
        Assert.Equal(fixture.TargetTopic, entry.GetProperty("targetTopic").GetString());
    }

    private static string? Header(List<(string Key, byte[]? Value)> headers, string key) =>
        headers.Single(h => h.Key == key).Value is { } value ? Encoding.UTF8.GetString(value) : null;

    private List<ConsumeResult<byte[], byte[]>> ReadCopies(int count)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = fixture.Cluster.BootstrapServers,
            GroupId = "claims-reader",
            EnableAutoCommit = false,
        }).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(new TopicPartitionOffset(fixture.TargetTopic, 0, Offset.Beginning));
        var copies = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (copies.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: not null } result)
            {
                copies.Add(result);
            }
        }

        Assert.Equal(count, copies.Count);
        return copies;
    }
}
