using System.Text;

namespace EventObserver.TestSupport;

/// <summary>
/// The backlog of the costly-filter checks (issue 16): small JSON messages (<see cref="TestProducer.Enqueue"/>) with
/// <see cref="LargeMessages"/> messages of 64 KB of 'a' (keys <c>large-0</c>…) spread through them. Shared by the hub test
/// and the benchmark's <c>hostile</c> scenario.
/// </summary>
public static class HostileBacklog
{
    public const int LargeMessages = 20;
    public const int LargeMessageBytes = 64 * 1024;

    /// <summary>Produces the backlog and waits for every delivery.</summary>
    public static void Produce(TestProducer producer, string topic, int smallMessages)
    {
        ArgumentNullException.ThrowIfNull(producer);
        var large = Encoding.UTF8.GetBytes(new string('a', LargeMessageBytes));
        var chunk = smallMessages / LargeMessages;
        for (var i = 0; i < LargeMessages; i++)
        {
            producer.Enqueue(topic, chunk, start: i * chunk);
            producer.Send(topic, Encoding.UTF8.GetBytes($"large-{i}"), large);
        }

        producer.Flush();
    }
}
