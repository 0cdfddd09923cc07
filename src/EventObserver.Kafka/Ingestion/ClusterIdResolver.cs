using System.Runtime.InteropServices;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Embedded;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Finds the cluster id, which tells the index which cluster its offsets belong to. DescribeCluster
/// (Kafka 2.8+, also the mock) first; older brokers give it through metadata, read by librdkafka's
/// <c>rd_kafka_clusterid</c> on a short-lived native handle.
/// </summary>
internal static class ClusterIdResolver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="KafkaException"/> (or a timeout) when the cluster cannot be reached.</summary>
    public static async Task<string> ResolveAsync(KafkaConnection connection, CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(connection.CreateAdminConfig("eventobserver-cluster-id"))
            .SetLogHandler((_, _) => { })
            .Build();
        try
        {
            var description = await admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = Timeout })
                .WaitAsync(Timeout + TimeSpan.FromSeconds(1), cancellationToken);
            if (!string.IsNullOrEmpty(description.ClusterId))
            {
                return description.ClusterId;
            }
        }
        catch (KafkaException e) when (e.Error.Code is ErrorCode.UnsupportedVersion or ErrorCode.Local_UnsupportedFeature or ErrorCode.InvalidRequest)
        {
            // An old broker: fall through to metadata.
        }

        return FromMetadata(connection) ?? throw new KafkaException(new Error(ErrorCode.Local_TimedOut, "The cluster did not report a cluster id."));
    }

    private static string? FromMetadata(KafkaConnection connection)
    {
        var errstr = new byte[512];
        var conf = LibRdKafkaNative.ConfNew();
        foreach (var (key, value) in connection.CreateAdminConfig("eventobserver-cluster-id"))
        {
            // dotnet.* properties belong to Confluent.Kafka, not librdkafka.
            if (value is null || key.StartsWith("dotnet.", StringComparison.Ordinal))
            {
                continue;
            }

            if (LibRdKafkaNative.ConfSet(conf, key, value, errstr, (nuint)errstr.Length) != LibRdKafkaNative.ConfOk)
            {
                LibRdKafkaNative.ConfDestroy(conf);
                throw new ArgumentException($"Kafka client property '{key}': {LibRdKafkaNative.ReadError(errstr)}");
            }
        }

        var handle = LibRdKafkaNative.KafkaNew(LibRdKafkaNative.ProducerType, conf, errstr, (nuint)errstr.Length);
        if (handle == IntPtr.Zero)
        {
            LibRdKafkaNative.ConfDestroy(conf);
            throw new ArgumentException($"Kafka client configuration rejected: {LibRdKafkaNative.ReadError(errstr)}");
        }

        try
        {
            var id = LibRdKafkaNative.ClusterId(handle, (int)Timeout.TotalMilliseconds);
            if (id == IntPtr.Zero)
            {
                return null;
            }

            var text = Marshal.PtrToStringUTF8(id);
            LibRdKafkaNative.MemFree(handle, id);
            return text;
        }
        finally
        {
            LibRdKafkaNative.KafkaDestroy(handle);
        }
    }
}
