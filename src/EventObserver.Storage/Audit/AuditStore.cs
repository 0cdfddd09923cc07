using LiteDB;
using EventObserver.Storage.Shared;

namespace EventObserver.Storage.Audit;

/// <summary>
/// The audit log's own LiteDB file, next to the index (the index is archived on a cluster switch, the audit trail must
/// not be). Append-only: records are added and read; the only removal is retention (<see cref="DeleteOlderThan"/>).
/// One instance per file per process. Thread-safe.
/// </summary>
public sealed class AuditStore : IDisposable
{
    public const string DefaultFileName = "audit.db";

    private const string Records = "audit";

    // Actor, action, target, detail, address: what the free-text filter reads.
    private static readonly string[] TextFields = ["u", "a", "g", "d", "ip"];

    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _records;
    private readonly Lock _sync = new();

    private AuditStore(string filePath, LiteDatabase db)
    {
        FilePath = filePath;
        _db = db;
        _records = db.GetCollection(Records, BsonAutoId.Int64);
        // Time is the one index: every read is a time range (or all of it), the other filters are checked per record.
        _records.EnsureIndex("t");
    }

    public string FilePath { get; }

    public static AuditStore Open(string filePath)
    {
        var full = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct });
        try
        {
            db.UtcDate = true;
            return new AuditStore(full, db);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The store's file next to the event index file (outside the index's archive folder).</summary>
    public static string PathNextTo(string indexPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(indexPath)) ?? string.Empty, DefaultFileName);

    /// <summary>Appends <paramref name="records"/> in one transaction; their ids are given here.</summary>
    public int Append(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var documents = records.Select(ToBson).ToList();
        if (documents.Count == 0)
        {
            return 0;
        }

        lock (_sync)
        {
            return _records.InsertBulk(documents);
        }
    }

    /// <summary>
    /// The records matching <paramref name="filter"/>, newest first (ties: the later appended first), from
    /// <paramref name="skip"/> on, at most <paramref name="limit"/>, with the count of all that match.
    /// </summary>
    public AuditRecordPage Find(AuditFilter filter, int skip, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // Streamed newest first through the time index: every match is counted, only the page is kept, so a large log
        // costs a scan, not its size in memory. Records of one millisecond are put in append order (newest first) here.
        var page = new List<AuditRecord>(Math.Min(limit, 1000));
        var sameTime = new List<BsonDocument>();
        var total = 0;
        lock (_sync)
        {
            var newestFirst = _records.Query().Where(TimeRange(filter)).OrderByDescending("t").ToEnumerable();
            foreach (var doc in newestFirst.Where(d => Matches(d, filter)))
            {
                if (sameTime.Count > 0 && sameTime[0]["t"].AsInt64 != doc["t"].AsInt64)
                {
                    total = Take(sameTime, skip, limit, page, total);
                }

                sameTime.Add(doc);
            }

            total = Take(sameTime, skip, limit, page, total);
        }

        return new AuditRecordPage(page, total);
    }

    /// <summary>Retention: deletes every record older than <paramref name="cutoff"/>; returns how many.</summary>
    public int DeleteOlderThan(DateTimeOffset cutoff)
    {
        lock (_sync)
        {
            return _records.DeleteMany(ParameterizedQuery.LessThan("t", cutoff.ToUnixTimeMilliseconds()));
        }
    }

    public int Count()
    {
        lock (_sync)
        {
            return _records.Count();
        }
    }

    public void Dispose() => _db.Dispose();

    /// <summary>Counts the records of one time (newest appended first) and keeps those that fall on the page.</summary>
    private static int Take(List<BsonDocument> sameTime, int skip, int limit, List<AuditRecord> page, int total)
    {
        foreach (var doc in sameTime.OrderByDescending(d => d["_id"].AsInt64))
        {
            if (total >= skip && page.Count < limit)
            {
                page.Add(FromBson(doc));
            }

            total++;
        }

        sameTime.Clear();
        return total;
    }

    private static BsonExpression TimeRange(AuditFilter filter)
    {
        var from = filter.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var to = filter.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        return ParameterizedQuery.Between("t", from, to);
    }

    private static bool Matches(BsonDocument doc, AuditFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Actor) && !string.Equals(doc["u"].AsString, filter.Actor.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(filter.Action) && !string.Equals(doc["a"].AsString, filter.Action.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.IsNullOrEmpty(filter.Text))
        {
            return true;
        }

        var text = filter.Text.Trim();
        return TextFields.Any(field =>
            doc[field].IsString && doc[field].AsString.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static BsonDocument ToBson(AuditRecord r) => new()
    {
        ["t"] = r.At.ToUnixTimeMilliseconds(),
        ["a"] = r.Action,
        ["u"] = r.Actor,
        ["g"] = r.Target is null ? BsonValue.Null : r.Target,
        ["d"] = r.Detail is null ? BsonValue.Null : r.Detail,
        ["ok"] = r.Succeeded,
        ["ip"] = r.RemoteAddress is null ? BsonValue.Null : r.RemoteAddress,
    };

    private static AuditRecord FromBson(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsInt64,
        At = DateTimeOffset.FromUnixTimeMilliseconds(doc["t"].AsInt64),
        Action = doc["a"].AsString,
        Actor = doc["u"].AsString,
        Target = doc["g"].IsNull ? null : doc["g"].AsString,
        Detail = doc["d"].IsNull ? null : doc["d"].AsString,
        Succeeded = doc["ok"].AsBoolean,
        RemoteAddress = doc["ip"].IsNull ? null : doc["ip"].AsString,
    };
}
