using Confluent.Kafka;
using EventObserver.Core.Groups;

namespace EventObserver.Kafka.Groups;

/// <summary>Confluent's group states in Core's terms.</summary>
internal static class GroupStates
{
    public static GroupState From(ConsumerGroupState state) => state switch
    {
        ConsumerGroupState.Stable => GroupState.Stable,
        ConsumerGroupState.PreparingRebalance => GroupState.PreparingRebalance,
        ConsumerGroupState.CompletingRebalance => GroupState.CompletingRebalance,
        ConsumerGroupState.Empty => GroupState.Empty,
        ConsumerGroupState.Dead => GroupState.Dead,
        _ => GroupState.Unknown,
    };
}
