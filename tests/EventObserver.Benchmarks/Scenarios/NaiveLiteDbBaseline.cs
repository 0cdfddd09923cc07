using System.Diagnostics;
using EventObserver.Core.Envelopes;
using LiteDB;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// What a straightforward implementation would do: one BsonDocument per event with every field as a
/// plain field, headers as subdocuments, payload as binary, and five secondary indexes, written with
/// InsertBulk. The product's index is measured against this.
/// </summary>
internal static class NaiveLiteDbBaseline
{
    public static double MeasureEventsPerSecond(IReadOnlyList<EventEnvelope> events, string directory, int batchSize = 5000)
    {
        var path = Path.Combine(directory, "naive.db");
        using var db = new LiteDatabase($"Filename={path};Connection=direct");
        db.UtcDate = true;
        var collection = db.GetCollection("events");
        collection.EnsureIndex("messageId", "$.messageId");
        collection.EnsureIndex("correlationId", "$.correlationId");
        collection.EnsureIndex("causationId", "$.causationId");
        collection.EnsureIndex("type", "$.type");
        collection.EnsureIndex("topicTime", "$.topic + '|' + STRING($.timestamp)");

        var stopwatch = Stopwatch.StartNew();
        var batch = new List<BsonDocument>(batchSize);
        foreach (var envelope in events)
        {
            batch.Add(ToDocument(envelope));
            if (batch.Count == batchSize)
            {
                collection.InsertBulk(batch, batchSize);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            collection.InsertBulk(batch, batchSize);
        }

        stopwatch.Stop();
        return events.Count / stopwatch.Elapsed.TotalSeconds;
    }

    private static BsonDocument ToDocument(EventEnvelope e)
    {
        var headers = new BsonArray();
        foreach (var header in e.Headers)
        {
            headers.Add(new BsonDocument { ["key"] = header.Key, ["value"] = header.Value is null ? BsonValue.Null : new BsonValue(header.Value) });
        }

        return new BsonDocument
        {
            ["_id"] = e.Id,
            ["topic"] = e.Topic,
            ["partition"] = e.Partition,
            ["offset"] = e.Offset,
            ["timestamp"] = e.TimestampMs,
            ["key"] = e.Key,
            ["messageId"] = e.MessageId,
            ["type"] = e.MessageType,
            ["kind"] = e.Kind.ToString(),
            ["correlationId"] = e.CorrelationId,
            ["causationId"] = e.CausationId,
            ["source"] = e.Source,
            ["subject"] = e.Subject,
            ["headers"] = headers,
            ["payloadFormat"] = e.PayloadFormat.ToString(),
            ["payload"] = e.Payload is null ? BsonValue.Null : new BsonValue(e.Payload),
        };
    }
}
