using System.Runtime.CompilerServices;
using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Core.Decoding;
using EventObserver.Core.Feed;
using EventObserver.Core.Masking;
using EventObserver.Core.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Feed;

/// <summary>
/// <c>/hubs/events</c>: a client calls <c>Subscribe(filter)</c> and then receives <c>ReceiveEvents(batch)</c>
/// with the matching live events (filtered on the server, batched) and <c>Dropped(count)</c> when it fell
/// behind and events were dropped for it. <c>Unsubscribe()</c> or disconnecting ends the stream.
/// <c>Stream(filter)</c> is the alternative for clients that prefer a SignalR stream of single events.
/// The caller (<see cref="HubCallerContext.User"/>) gets only events of topics it may read, masked unless it sees raw
/// values; a filter naming a topic it may not read is refused with a <see cref="HubException"/> saying which.
/// </summary>
[Authorize(Policy = AccessPolicies.Viewer)]
public sealed class EventsHub(
    FeedHubConnections connections, ILiveFeed feed, IOptions<FeedHubOptions> options, IUserAccessResolver users, IEventMasker masker,
    EnvelopeDecoder decoder) : Hub
{
    public const string Path = "/hubs/events";

    public async Task Subscribe(FeedFilterDto? filter)
    {
        var view = CallerView();
        await connections.SubscribeAsync(Context.ConnectionId, ToFilter(filter, view.Access), view);

        // A disconnect that raced this call has already run its clean-up: do not leave a pump behind.
        if (Context.ConnectionAborted.IsCancellationRequested)
        {
            await connections.UnsubscribeAsync(Context.ConnectionId);
        }
    }

    public Task Unsubscribe() => connections.UnsubscribeAsync(Context.ConnectionId);

    /// <summary>
    /// The matching live events one by one, until the client cancels the stream. SignalR waits for each item
    /// to be written, so a slow reader makes this subscription drop its oldest events (not reported here).
    /// </summary>
    public IAsyncEnumerable<FeedEventDto> Stream(FeedFilterDto? filter, CancellationToken cancellationToken)
    {
        var view = CallerView();
        return StreamCore(ToFilter(filter, view.Access), view, cancellationToken);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await connections.UnsubscribeAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private static EventSelection ToFilter(FeedFilterDto? filter, UserAccess access)
    {
        EventSelection selection;
        try
        {
            selection = (filter ?? new FeedFilterDto()).ToSelection();
        }
        catch (ArgumentException e)
        {
            // HubException messages reach the client; others are hidden from it.
            throw new HubException($"Bad filter: {e.Message}");
        }

        return SelectionAccess.Refusal(selection, access) is { } refusal ? throw new HubException($"Filter refused: {refusal}") : selection;
    }

    private AccessView CallerView() => new(users.Resolve(Context.User), masker, decoder);

    private async IAsyncEnumerable<FeedEventDto> StreamCore(EventSelection filter, AccessView view, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = AccessFeed.Subscribe(feed, filter, options.Value.SubscriptionCapacity, view);
        await foreach (var envelope in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            yield return FeedEventDto.From(envelope);
        }
    }
}
