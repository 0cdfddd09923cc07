using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Monitoring;

/// <summary>Hands each committed batch to the conversation monitor (dictionary work under one lock: the writer waits).</summary>
public sealed class ConversationFeed(ConversationMonitor monitor) : ICommittedBatchObserver
{
    public void OnCommitted(IReadOnlyList<EventEnvelope> batch) => monitor.Accept(batch);
}
