using EventObserver.Core.Groups;

using LiteDB;
using EventObserver.Storage.Shared;

namespace EventObserver.Storage.Groups;

/// <summary>
/// Lag samples in a LiteDB file of their own next to the event index (<see cref="DefaultFileName"/>), so the sparklines
/// survive restarts and cluster switches (which archive the index file). Times are stored as milliseconds since the
/// epoch. One instance per file per process; thread-safe (every call holds one lock: LiteDB's page cache is not safe
/// for concurrent callers).
/// </summary>
public sealed class LiteDbLagHistoryStore : ILagHistoryStore, IDisposable
{
    public const string DefaultFileName = "lag-history.db";

    private const string Samples = "samples";
    private const string Group = "g";
    private const string Time = "t";
    private const string Lag = "l";
    private const string TimeLagSeconds = "s";

    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _samples;
    private readonly Lock _sync = new();

    private LiteDbLagHistoryStore(string filePath, LiteDatabase db)
    {
        FilePath = filePath;
        _db = db;
        _samples = db.GetCollection(Samples);
        _samples.EnsureIndex(Group);
        _samples.EnsureIndex(Time);
    }

    public string FilePath { get; }

    public static LiteDbLagHistoryStore Open(string filePath)
    {
        var full = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct });
        try
        {
            db.UtcDate = true;
            return new LiteDbLagHistoryStore(full, db);
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

    public void Append(DateTimeOffset at, IReadOnlyList<(string GroupId, LagSample Sample)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return;
        }

        var documents = new List<BsonDocument>(samples.Count);
        foreach (var (groupId, sample) in samples)
        {
            var document = new BsonDocument
            {
                [Group] = groupId,
                [Time] = sample.At.ToUnixTimeMilliseconds(),
                [Lag] = sample.TotalLag,
            };
            if (sample.MaxTimeLagSeconds is { } seconds)
            {
                document[TimeLagSeconds] = seconds;
            }

            documents.Add(document);
        }

        lock (_sync)
        {
            _samples.InsertBulk(documents);
        }
    }

    public IReadOnlyList<LagSample> Read(string groupId, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        var from = since.ToUnixTimeMilliseconds();
        List<BsonDocument> found;
        lock (_sync)
        {
            found = _samples.Find(ParameterizedQuery.Equal(Group, groupId)).ToList();
        }

        return found
            .Where(d => d[Time].AsInt64 >= from)
            .Select(ToSample)
            .OrderBy(s => s.At)
            .ToArray();
    }

    public void Trim(DateTimeOffset before)
    {
        var until = before.ToUnixTimeMilliseconds();
        lock (_sync)
        {
            _samples.DeleteMany(ParameterizedQuery.LessThan(Time, until));
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _db.Dispose();
        }
    }

    private static LagSample ToSample(BsonDocument document) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(document[Time].AsInt64),
        document[Lag].AsInt64,
        document.TryGetValue(TimeLagSeconds, out var seconds) && seconds.IsNumber ? seconds.AsDouble : null);
}
