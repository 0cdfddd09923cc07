using LiteDB;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// The version of the index file's layout (collections, chunk metadata, bloom filters and the chunk encoding; see
/// docs/index-format.md), kept in the file's <c>info</c> collection. Checked before anything else is read, so a file
/// written by a newer build is never misread (the provider archives it and starts a new index). Bump it, with a
/// migration or a refusal, whenever a change would make an older build misread a newer file or the other way round.
/// </summary>
internal static class StoreFormat
{
    public const int Version = 1;

    /// <summary>The <c>_id</c> of the stamp in the <c>info</c> collection; its value is in field <c>v</c>.</summary>
    public const string InfoId = "format";

    /// <summary>Throws <see cref="InvalidDataException"/> on another version; stamps a file that has none.</summary>
    public static void CheckAndStamp(ILiteCollection<BsonDocument> info)
    {
        var stored = info.FindById(InfoId)?["v"];
        if (stored is null || stored.IsNull)
        {
            // New files, and files written before the stamp existed: those have exactly the version-1 layout.
            info.Upsert(new BsonDocument { ["_id"] = InfoId, ["v"] = Version });
            return;
        }

        if (!stored.IsInt32 || stored.AsInt32 != Version)
        {
            throw new InvalidDataException($"The index file has format version {stored}; this build reads version {Version}.");
        }
    }
}
