using EventObserver.Core.Indexing;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.TestSupport.Chaos;

/// <summary>
/// Compares the index file an app left behind (opened here after the app is gone) with what was produced: each
/// position of the topic once, with the same value hash.
/// </summary>
public static class IndexAudit
{
    private const int MaxDetails = 10;

    public static IndexAuditResult Compare(string storagePath, string topic, IReadOnlyDictionary<(int Partition, long Offset), long> produced)
    {
        using var provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = storagePath, MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance,
            TimeProvider.System);
        var index = provider.Current ?? throw new InvalidOperationException("the index file did not reopen");
        var seen = new HashSet<(int, long)>();
        var producedHashes = produced.Values.ToHashSet();
        var details = new List<string>();
        long matched = 0, twice = 0, unknown = 0, mismatches = 0, brokerCopies = 0;
        foreach (var envelope in index.ReadOldestFirst(new EventRange()))
        {
            if (envelope.Topic != topic)
            {
                // Another topic's events (the app ingests every topic, e.g. a replay's target): not this audit's.
                continue;
            }

            var position = (envelope.Partition, envelope.Offset);
            var hash = AuditedProducer.Hash(envelope.Payload);
            if (!seen.Add(position))
            {
                twice++;
                Detail(details, $"{envelope.Partition}/{envelope.Offset} indexed more than once");
            }
            else if (!produced.TryGetValue(position, out var expected))
            {
                // Every payload is unique: one delivered at another offset is a producer retry the broker kept twice, which
                // the app rightly indexes as the log holds it. Anything else is the app's.
                if (producedHashes.Contains(hash))
                {
                    brokerCopies++;
                }
                else
                {
                    unknown++;
                    Detail(details, $"{envelope.Partition}/{envelope.Offset} indexed but never produced");
                }
            }
            else if (hash != expected)
            {
                mismatches++;
                Detail(details, $"{envelope.Partition}/{envelope.Offset} indexed with another payload");
            }
            else
            {
                matched++;
            }
        }

        foreach (var missing in produced.Keys.Where(p => !seen.Contains(p)).Order().Take(MaxDetails - Math.Min(details.Count, MaxDetails / 2)))
        {
            Detail(details, $"{missing.Partition}/{missing.Offset} delivered but not indexed");
        }

        return new IndexAuditResult(produced.Count - matched, twice + unknown, mismatches, brokerCopies, details);
    }

    private static void Detail(List<string> details, string text)
    {
        if (details.Count < MaxDetails)
        {
            details.Add(text);
        }
    }
}
