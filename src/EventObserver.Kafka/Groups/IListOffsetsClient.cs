using Confluent.Kafka.Admin;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Confluent's <c>ListOffsetsAsync</c> is an extension method that only works on its own <c>AdminClient</c> (it throws
/// <see cref="NotImplementedException"/> for any other <c>IAdminClient</c>). A test double of the admin client implements
/// this as well, so watermarks can be answered by a fake.
/// </summary>
public interface IListOffsetsClient
{
    Task<ListOffsetsResult> ListOffsetsAsync(IEnumerable<TopicPartitionOffsetSpec> specs, ListOffsetsOptions options);
}
