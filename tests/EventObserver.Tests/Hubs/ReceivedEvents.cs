using System.Collections.Concurrent;
using EventObserver.Features.Feed;
using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.Tests.Hubs;

/// <summary>Records what a hub client receives: batches and dropped notices.</summary>
public sealed class ReceivedEvents
{
    private readonly ConcurrentQueue<FeedEventDto[]> _batches = new();
    private long _dropped;

    public ReceivedEvents(HubConnection connection, Action<FeedEventDto[]>? onBatch = null)
    {
        connection.On<FeedEventDto[]>(FeedHubMethods.ReceiveEvents, batch =>
        {
            onBatch?.Invoke(batch);
            _batches.Enqueue(batch);
        });
        connection.On<long>(FeedHubMethods.Dropped, count => Interlocked.Add(ref _dropped, count));
    }

    public IReadOnlyList<FeedEventDto[]> Batches => [.. _batches];

    public IReadOnlyList<FeedEventDto> Events => [.. _batches.SelectMany(b => b)];

    public long Count => _batches.Sum(b => (long)b.Length);

    public long DroppedNotices => Interlocked.Read(ref _dropped);

    public bool Contains(string messageId) => _batches.Any(b => b.Any(e => e.MessageId == messageId));
}
