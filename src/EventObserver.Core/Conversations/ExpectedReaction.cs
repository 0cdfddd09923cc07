namespace EventObserver.Core.Conversations;

/// <summary>
/// What usually follows the step a conversation stopped at, learned from observed traffic (cause type → effect type
/// and the effect's source), e.g. ShipOrder → OrderShipped from shipping-service in 97 % of 1,204 cases.
/// </summary>
public sealed record ExpectedReaction(string MessageType, string? Source, long Seen, double Share);
