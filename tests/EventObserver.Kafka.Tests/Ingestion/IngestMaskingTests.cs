using System.Text;
using EventObserver.Core.Feed;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Core.Selection;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>
/// Masking:AtIngest: raw values of masked fields never reach the index's files (the LiteDB file and its log, searched
/// byte for byte while open and after the checkpoint of closing) nor the live feed. Without it they do, which keeps the
/// search honest.
/// </summary>
public sealed class IngestMaskingTests(MockClusterFixture kafka) : IClassFixture<MockClusterFixture>, IDisposable
{
    private const int Events = 30;
    private const string JsonMarker = "RAWJSONMARKER7f3a";
    private const string HeaderMarker = "RAWHEADERMARKER9c1d";
    private const string TextMarker = "RAWTEXTMARKER2b8e";

    // Plain chunks: compressed ones would hide a raw value from the byte search whether or not it was masked.
    private readonly TestIndexes _indexes = new() { CompressChunks = false };
    private readonly TestProducer _producer = new(kafka.BootstrapServers);

    [Fact]
    public async Task AtIngest_MarkedValues_NeverReachTheIndexFilesOrTheLiveFeed()
    {
        var topic = kafka.CreateTopic("mask-ingest");
        var masker = new EventMasker(new MaskingOptions
        {
            AtIngest = true,
            Rules =
            [
                new MaskingRule { JsonPath = "$.card.number", Action = MaskingAction.KeepLast4 },
                new MaskingRule { Header = "x-secret", Action = MaskingAction.Remove },
                new MaskingRule { Pattern = "RAWTEXTMARKER[0-9a-f]+" },
            ],
        });
        var feed = new LiveFeed();

        var index = await IngestAsync(topic, feed, masker);

        var stored = index.Get(topic, 0, 0)!;
        Assert.Equal("{\"card\":{\"number\":\"****4242\"},\"n\":0}", Encoding.UTF8.GetString(stored.Payload!));
        Assert.DoesNotContain(stored.Headers, h => h.Key == "x-secret");
        var live = feed.Recent(new EventSelection { Topics = [topic] }, Events);
        Assert.Equal(Events, live.Count);
        Assert.All(live, e => Assert.NotEmpty(e.Masked));
        Assert.DoesNotContain(live, e => Contains(e.Payload!, JsonMarker) || Contains(e.Payload!, TextMarker) || e.Headers.Any(h => h.Key == "x-secret"));
        AssertIndexFiles(found => Assert.False(found, "a raw marker is in the index files while the index is open"));
        _indexes.Release();
        AssertIndexFiles(found => Assert.False(found, "a raw marker is in the index files after the checkpoint"));
    }

    [Fact]
    public async Task WithoutAtIngest_MarkedValues_AreInTheIndexFile()
    {
        var topic = kafka.CreateTopic("mask-raw");

        await IngestAsync(topic, new LiveFeed(), ingestMasker: null);
        _indexes.Release();

        Assert.True(IndexFilesContain(JsonMarker));
        Assert.True(IndexFilesContain(HeaderMarker));
        Assert.True(IndexFilesContain(TextMarker));
    }

    public void Dispose()
    {
        _producer.Dispose();
        _indexes.Dispose();
    }

    /// <summary>Produces the marked events, ingests them and stops ingestion; the index stays open.</summary>
    private async Task<IEventIndex> IngestAsync(string topic, ILiveFeed feed, IEventMasker? ingestMasker)
    {
        for (var i = 0; i < Events; i++)
        {
            var value = i % 3 == 2
                ? $"plain text with {TextMarker}{i:x2} inside"
                : $"{{\"card\":{{\"number\":\"{JsonMarker}{i:D4}4242\"}},\"n\":{i}}}";
            _producer.Send(topic, "k" + i, value, ("x-secret", HeaderMarker + i), ("x-other", "kept"));
        }

        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open, feed, ingestMasker);
        await Eventually.TrueAsync(() => ingestion.Count(topic) == Events, "the events to be indexed");
        await ingestion.StopAsync();
        return ingestion.Index;
    }

    private void AssertIndexFiles(Action<bool> assert)
    {
        assert(IndexFilesContain(JsonMarker));
        assert(IndexFilesContain(HeaderMarker));
        assert(IndexFilesContain(TextMarker));
    }

    /// <summary>Every file next to the index (LiteDB keeps recent writes in a <c>-log</c> file until a checkpoint).</summary>
    private bool IndexFilesContain(string marker)
    {
        var directory = Path.GetDirectoryName(_indexes.IndexPath)!;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            if (Contains(memory.ToArray(), marker))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(byte[] bytes, string marker) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0;
}
