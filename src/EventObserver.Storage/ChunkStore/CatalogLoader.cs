using EventObserver.Core.Indexing;
using EventObserver.Storage.Index;

using LiteDB;

namespace EventObserver.Storage.ChunkStore;

/// <summary>Fills a <see cref="ChunkCatalog"/> from an index file's small collections (no chunk is read).</summary>
internal static class CatalogLoader
{
    public static void Load(LiteDatabase db, ChunkCatalog catalog)
    {
        foreach (var doc in db.GetCollection(LiteDbEventIndex.PartitionCollection).FindAll())
        {
            catalog.AddPartition(doc["_id"].AsInt32, new TopicPartitionKey(doc["t"].AsString, doc["p"].AsInt32));
        }

        foreach (var doc in db.GetCollection(LiteDbEventIndex.TypeCollection).FindAll())
        {
            catalog.AddType(doc["_id"].AsInt32, doc["n"].AsString);
        }

        foreach (var doc in db.GetCollection(LiteDbEventIndex.CheckpointCollection).FindAll())
        {
            catalog.SetCheckpoint(doc["_id"].AsInt32, doc["o"].AsInt64);
        }

        foreach (var doc in db.GetCollection(LiteDbEventIndex.MetaCollection).FindAll())
        {
            catalog.AddChunk(ChunkMeta.FromBson(doc));
        }
    }
}
