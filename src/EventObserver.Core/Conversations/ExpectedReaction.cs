namespace EventObserver.Core.Conversations;

/// <summary>
/// What usually follows the step a conversation stopped at, learned from observed traffic (cause type → effect type
/// and the effect's source), e.g. ShipOrder → OrderShipped from shipping-service in 97 % of 1,204 cases. Topic is where
/// that reaction was last seen: the flow map's lane for messages that name no source.
/// </summary>
public sealed record ExpectedReaction(string MessageType, string? Source, long Seen, double Share, string? Topic = null)
{
    /// <summary>Who was expected to answer, as the flow map draws it: the source, else the reaction on its topic.</summary>
    public string Answerer => Source ?? (Topic is null ? MessageType : $"{MessageType} on {Topic}");
}
