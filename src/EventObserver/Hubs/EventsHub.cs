using Microsoft.AspNetCore.SignalR;

namespace EventObserver.Hubs;

/// <summary>
/// <c>/hubs/events</c>: a client calls <c>Subscribe(filter)</c> and then receives <c>ReceiveEvents(batch)</c>
/// with the matching live events (filtered on the server, batched) and <c>Dropped(count)</c> when it fell
/// behind and events were dropped for it. <c>Unsubscribe()</c> or disconnecting ends the stream.
/// </summary>
public sealed class EventsHub(FeedHubConnections connections) : Hub
{
    public const string Path = "/hubs/events";

    public async Task Subscribe(FeedFilterDto? filter)
    {
        try
        {
            await connections.SubscribeAsync(Context.ConnectionId, (filter ?? new FeedFilterDto()).ToFilter());
        }
        catch (ArgumentException e)
        {
            // HubException messages reach the client; others are hidden from it.
            throw new HubException($"Bad filter: {e.Message}");
        }
    }

    public Task Unsubscribe() => connections.UnsubscribeAsync(Context.ConnectionId);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await connections.UnsubscribeAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
