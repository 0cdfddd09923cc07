using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Feed;

/// <summary>
/// One "load older" answer: matching events newest first, how many indexed events were read to find them,
/// and whether the index has nothing older (<see cref="Exhausted"/>) or the scan limit stopped the search.
/// </summary>
public sealed record HistoryPage(IReadOnlyList<EventEnvelope> Events, int Scanned, bool Exhausted, bool ScanLimitReached);
