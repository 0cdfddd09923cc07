using LiteDB;

namespace EventObserver.Storage.Projections;

/// <summary>The LiteDB form of a <see cref="PublishRecord"/>; times as milliseconds since the epoch.</summary>
internal static class PublishBson
{
    public static BsonDocument ToBson(PublishRecord r) => new()
    {
        ["_id"] = r.ReplayId,
        ["target"] = r.TargetTopic,
        ["dry"] = r.DryRun,
        ["sel"] = r.Selection,
        ["src"] = new BsonArray(r.SourceTopics.Select(t => new BsonValue(t))),
        ["n"] = r.Selected,
        ["sent"] = r.Sent,
        ["failed"] = r.Failed,
        ["rate"] = r.RatePerSec is { } rate ? new BsonValue(rate) : BsonValue.Null,
        ["status"] = r.Status,
        ["err"] = r.Error is null ? BsonValue.Null : r.Error,
        ["s"] = r.StartedAt.ToUnixTimeMilliseconds(),
        ["f"] = r.FinishedAt is { } f ? f.ToUnixTimeMilliseconds() : BsonValue.Null,
    };

    public static PublishRecord FromBson(BsonDocument d) => new()
    {
        ReplayId = d["_id"].AsString,
        TargetTopic = d["target"].AsString,
        DryRun = d["dry"].AsBoolean,
        Selection = d["sel"].AsString,
        SourceTopics = [.. d["src"].AsArray.Select(v => v.AsString)],
        Selected = d["n"].AsInt64,
        Sent = d["sent"].AsInt64,
        Failed = d["failed"].AsInt64,
        RatePerSec = d["rate"].IsNull ? null : d["rate"].AsDouble,
        Status = d["status"].AsString,
        Error = d["err"].IsNull ? null : d["err"].AsString,
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(d["s"].AsInt64),
        FinishedAt = d["f"].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(d["f"].AsInt64),
    };
}
