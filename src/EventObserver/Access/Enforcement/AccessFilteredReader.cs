using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Access.Enforcement;

/// <summary>
/// A feed subscription's matching events as one user sees them: events of denied topics are skipped, the rest masked
/// (<see cref="AccessView.TryShow"/>). Safe for one waiter and one taker at once, like the reader it wraps (a page's
/// live update waits on one thread and takes on another).
/// </summary>
internal sealed class AccessFilteredReader(ChannelReader<EventEnvelope> inner, EventSelection filter, AccessView view) : ChannelReader<EventEnvelope>
{
    // Found by WaitToReadAsync, handed out by TryRead.
    private readonly ConcurrentQueue<EventEnvelope> _ready = new();

    public override Task Completion => inner.Completion;

    public override bool CanCount => inner.CanCount;

    public override int Count => _ready.Count + inner.Count;

    public override bool TryRead([MaybeNullWhen(false)] out EventEnvelope item) =>
        _ready.TryDequeue(out item) || TryTakeShown(out item);

    public override async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_ready.IsEmpty)
            {
                return true;
            }

            if (TryTakeShown(out var shown))
            {
                _ready.Enqueue(shown);
                return true;
            }

            if (!await inner.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    private bool TryTakeShown([MaybeNullWhen(false)] out EventEnvelope shown)
    {
        while (inner.TryRead(out var envelope))
        {
            if (view.TryShow(filter, envelope, out shown))
            {
                return true;
            }
        }

        shown = null;
        return false;
    }
}
