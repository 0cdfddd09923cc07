using LiteDB;
using EventObserver.Storage.Shared;

namespace EventObserver.Storage.Projections;

/// <summary>
/// Saved projection definitions (versioned) and the re-publish log, in a small LiteDB file of their own: the event
/// index is archived whenever the cluster changes, these must survive that. One instance per file per process.
/// Thread-safe.
/// </summary>
public sealed class ProjectionStore : IDisposable
{
    public const string DefaultFileName = "projections.db";
    public const int MaxNameLength = 200;
    public const int MaxScriptLength = 256 * 1024;

    private const string Definitions = "definitions";
    private const string Publishes = "publishes";

    private readonly LiteDatabase _db;
    private readonly Lock _sync = new();

    private ProjectionStore(string filePath, LiteDatabase db)
    {
        FilePath = filePath;
        _db = db;
        _db.GetCollection(Definitions).EnsureIndex("n");
        _db.GetCollection(Publishes).EnsureIndex("s");
    }

    public string FilePath { get; }

    public static ProjectionStore Open(string filePath)
    {
        var full = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct });
        try
        {
            db.UtcDate = true;
            return new ProjectionStore(full, db);
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

    /// <summary>
    /// Saves <paramref name="script"/> as the next version of <paramref name="name"/>; when it equals the latest
    /// version's script (and description), that version is returned instead of a copy.
    /// </summary>
    public ProjectionDefinition Save(string name, string script, string? description, DateTimeOffset savedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(script);
        name = name.Trim();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxNameLength, nameof(name));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(script.Length, MaxScriptLength, nameof(script));
        lock (_sync)
        {
            var latest = Latest(name);
            if (latest is not null && latest.Script == script && latest.Description == description)
            {
                return latest;
            }

            var saved = new ProjectionDefinition(name, (latest?.Version ?? 0) + 1, script, description, savedAt);
            _db.GetCollection(Definitions).Insert(ToBson(saved));
            return saved;
        }
    }

    /// <summary>The latest version of every saved name, by name.</summary>
    public IReadOnlyList<ProjectionDefinition> List()
    {
        lock (_sync)
        {
            return _db.GetCollection(Definitions).FindAll()
                .Select(FromBson)
                .GroupBy(d => d.Name, StringComparer.Ordinal)
                .Select(g => g.MaxBy(d => d.Version)!)
                .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }

    /// <summary>Every version of <paramref name="name"/>, newest first; empty when never saved.</summary>
    public IReadOnlyList<ProjectionDefinition> Versions(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_sync)
        {
            return [.. ByName(name).OrderByDescending(d => d.Version)];
        }
    }

    /// <summary>One version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    public ProjectionDefinition? Get(string name, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_sync)
        {
            return version is { } v ? ByName(name).FirstOrDefault(d => d.Version == v) : Latest(name);
        }
    }

    /// <summary>Inserts or replaces the record of one publish (keyed by its replay id).</summary>
    public void RecordPublish(PublishRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_sync)
        {
            _db.GetCollection(Publishes).Upsert(PublishBson.ToBson(record));
        }
    }

    /// <summary>The newest publishes first.</summary>
    public IReadOnlyList<PublishRecord> ListPublishes(int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_sync)
        {
            return [.. _db.GetCollection(Publishes).Find(Query.All("s", Query.Descending), limit: limit).Select(PublishBson.FromBson)];
        }
    }

    public void Dispose() => _db.Dispose();

    private ProjectionDefinition? Latest(string name) => ByName(name).MaxBy(d => d.Version);

    private IEnumerable<ProjectionDefinition> ByName(string name)
    {
        var trimmed = name.Trim();
        return _db.GetCollection(Definitions).Find(ParameterizedQuery.Equal("n", trimmed)).Select(FromBson);
    }

    private static BsonDocument ToBson(ProjectionDefinition d) => new()
    {
        ["_id"] = ObjectId.NewObjectId(),
        ["n"] = d.Name,
        ["v"] = d.Version,
        ["s"] = d.Script,
        ["d"] = d.Description is null ? BsonValue.Null : d.Description,
        ["t"] = d.SavedAt.ToUnixTimeMilliseconds(),
    };

    private static ProjectionDefinition FromBson(BsonDocument doc) => new(
        doc["n"].AsString,
        doc["v"].AsInt32,
        doc["s"].AsString,
        doc["d"].IsNull ? null : doc["d"].AsString,
        DateTimeOffset.FromUnixTimeMilliseconds(doc["t"].AsInt64));
}
