using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Postgres.Schema;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport.Postgres;

using Microsoft.Extensions.Time.Testing;

using Npgsql;

namespace EventObserver.Storage.Tests.Postgres;

/// <summary>
/// Migration 004: JSON and text payloads kept once, as text, and searched where they lie; types, keys and ids looked up
/// through B-trees over their first 256 characters; rows written before it still read and found.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPayloadTextTests(PostgresFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Yesterday = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    public static TheoryData<string, byte[], PayloadFormat, bool, bool> Payloads => new()
    {
        // name, payload, format, kept as text, folded copy in search_text
        { "ascii json", """{"city":"Springfield","note":"please leave the parcel at the door"}"""u8.ToArray(), PayloadFormat.Json, true, false },
        { "bom and accents", [0xEF, 0xBB, 0xBF, .. """{"name":"Ünïcode Straße"}"""u8], PayloadFormat.Json, true, true },
        { "plain text", "Order shipped"u8.ToArray(), PayloadFormat.Text, true, false },
        { "empty json", [], PayloadFormat.Json, true, false },
        { "invalid utf-8", [(byte)'{', 0xC3, 0x28, (byte)'}'], PayloadFormat.Json, false, true },
        { "nul in json", [(byte)'{', 0x00, (byte)'}'], PayloadFormat.Json, false, true },
        { "binary", [0x00, 0x01, 0xFF], PayloadFormat.Binary, false, false },
    };

    [PostgresTheory]
    [MemberData(nameof(Payloads))]
    public void Write_Payload_IsKeptOnceAndReadBackByteExact(string name, byte[] payload, PayloadFormat format, bool asText, bool foldedCopy)
    {
        using var index = _db.Open();
        var e = Make("payloads", 7, Envelopes.BaseTimestampMs, payload, format);

        index.Write([e]);

        Assert.Equal(payload, index.Get("payloads", 0, 7)!.Payload);
        Assert.Equal(!asText, (bool)_db.Scalar("SELECT payload IS NOT NULL FROM eventobserver.events")!);
        Assert.Equal(asText, (bool)_db.Scalar("SELECT payload_text IS NOT NULL FROM eventobserver.events")!);
        // Without a key or headers, search_text holds only a payload the text column cannot serve.
        Assert.True(foldedCopy == (_db.Scalar("SELECT search_text FROM eventobserver.events") is string), name);
    }

    [PostgresFact]
    public void Query_TextOnAClosedDay_FindsWhatTheSelectionMatchesThroughTheDayIndex()
    {
        using var index = _db.Open(time: new FakeTimeProvider(Now));
        List<EventEnvelope> events =
        [
            Text(0, """{"city":"Springfield"}"""),
            Text(1, """{"name":"Ünïcode Straße"}"""),
            Make("search", 2, Yesterday + 2, """{"n":2}"""u8.ToArray(), key: "SPRING-key"),
            Make("search", 3, Yesterday + 3, """{"n":3}"""u8.ToArray(), headers: [new EnvelopeHeader("x-note", "spring sale"u8.ToArray())]),
            Make("search", 4, Yesterday + 4, [0x00, 0x01], PayloadFormat.Binary, decoded: """{"season":"Spring"}"""u8.ToArray()),
            Text(5, """{"n":5}"""),
        ];
        index.Write(events);

        index.ApplyRetention(new RetentionPolicy(MaxEvents: null, MaxAge: null), Now);

        Assert.Equal(true, _db.Scalar(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'events_20261202_search'"));
        foreach (var needle in new[] { "spring", "ÜNÏCODE", "field\"", "no such text" })
        {
            var selection = new EventSelection { Text = needle, Limit = EventSelection.MaxLimit };
            Assert.Equal(
                events.Where(selection.Matches).Select(e => e.Offset).Reverse(),
                index.Query(selection).Select(e => e.Offset));
        }

        // The search's own condition, as SqlFilter writes it, is answered by the day's index.
        Assert.Contains("events_20261202_search", Plan(
            "SELECT \"offset\" FROM eventobserver.events_20261202 WHERE (search_text LIKE $1 OR upper(payload_text) LIKE $1)", "%SPRING%"));
    }

    [PostgresFact]
    public void Query_ValuesSharingTheIndexedPrefix_FindOnlyTheExactValue()
    {
        using var index = _db.Open();
        var prefix = new string('é', 300);
        var events = Enumerable.Range(0, 2).Select(i => Envelopes.Event(
            "long", 0, i, type: prefix + i, correlationId: prefix + "c" + i, causationId: prefix + "k" + i, key: prefix + i, messageId: prefix + "m" + i)).ToList();
        index.Write(events);

        foreach (var selection in new[]
        {
            new EventSelection { Type = prefix + 1 },
            new EventSelection { Key = prefix + 1 },
            new EventSelection { MessageId = prefix + "m1" },
            new EventSelection { CorrelationId = prefix + "c1" },
            new EventSelection { CausationId = prefix + "k1" },
        })
        {
            Assert.Equal([1L], index.Query(selection).Select(e => e.Offset));
        }

        Assert.Contains("Index Cond: (\"left\"(message_type, 256) =", Plan("SELECT \"offset\" FROM eventobserver.events WHERE left(message_type, 256) = left($1, 256) AND message_type = $1", prefix + 1));
    }

    [PostgresFact]
    public void Query_NewestFirstWithoutFilter_ReadsTheNewestFirstIndexBackward()
    {
        using var index = _db.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));

        var plan = Plan(
            "SELECT \"offset\" FROM eventobserver.events WHERE $1::text IS NOT NULL ORDER BY timestamp_ms DESC, topic, partition DESC, \"offset\" DESC LIMIT 5",
            "unused");

        // Each partition (these timestamps are in the default one) is read backward, merged without sorting.
        Assert.Contains("Scan Backward using events_default_timestamp_ms_topic_partition_offset_idx", plan);
        Assert.DoesNotContain("->  Sort", plan);
    }

    [PostgresFact]
    public void Open_SchemaWrittenBeforeMigration4_KeepsItsRowsReadableAndSearchable()
    {
        CreateSchemaUpToVersion(3);
        Execute("""
            INSERT INTO eventobserver.events (topic, partition, "offset", timestamp_ms, timestamp_kind, key_format, payload,
                payload_format, message_id, message_id_derived, message_type, kind, search_text)
            VALUES ('old', 0, 0, 1760000000000, 1, 0, convert_to('{"city":"Springfield"}', 'UTF8'), 1, 'old-0', false, 'Tick', 2,
                '{"CITY":"SPRINGFIELD"}')
            """);

        using var index = _db.Open();

        Assert.Equal(SchemaMigrator.Migrations.Count - 3, index.MigrationsApplied);
        Assert.Equal("""{"city":"Springfield"}"""u8.ToArray(), index.Get("old", 0, 0)!.Payload);
        Assert.Equal(["old-0"], index.Query(new EventSelection { Text = "springfield" }).Select(e => e.MessageId));
        Assert.Equal(["old-0"], index.Query(new EventSelection { Type = "Tick" }).Select(e => e.MessageId));
        // The partition made before the migration compresses with lz4 too.
        Assert.Equal("l", _db.Scalar(
            "SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'eventobserver.events_default'::regclass AND attname = 'payload'"));
    }

    private static EventEnvelope Text(long offset, string json) => Make("search", offset, Yesterday + offset, Encoding.UTF8.GetBytes(json));

    private static EventEnvelope Make(
        string topic,
        long offset,
        long timestampMs,
        byte[] payload,
        PayloadFormat format = PayloadFormat.Json,
        string? key = null,
        EnvelopeHeader[]? headers = null,
        byte[]? decoded = null) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = timestampMs,
        TimestampKind = TimestampKind.CreateTime,
        KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
        Key = key,
        KeyFormat = key is null ? KeyFormat.None : KeyFormat.Text,
        Headers = headers ?? [],
        Payload = payload,
        PayloadFormat = format,
        DecodedPayload = decoded,
        Decoding = decoded is null ? null : new PayloadDecoding { Format = SchemaFormat.Avro, SchemaId = 1 },
        MessageId = $"{topic}-{offset}",
        MessageType = "Searched",
    };

    private void CreateSchemaUpToVersion(int version)
    {
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Run(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public");
        Run(connection, "CREATE SCHEMA eventobserver");
        Run(connection, "SET LOCAL search_path TO eventobserver, public");
        Run(connection, "CREATE TABLE eo_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var migration in SchemaMigrator.Migrations.Where(m => m.Version <= version))
        {
            Run(connection, migration.Sql);
            Run(connection, $"INSERT INTO eo_schema_version (version, name) VALUES ({migration.Version}, '{migration.Name}')");
        }

        transaction.Commit();
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        Run(connection, sql);
    }

    /// <summary>The plan of <paramref name="sql"/> with sequential scans discouraged (the tables here are tiny).</summary>
    private string Plan(string sql, string parameter)
    {
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        Run(connection, "SET enable_seqscan = off");
        using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        using var reader = command.ExecuteReader();
        var plan = new StringBuilder();
        while (reader.Read())
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
