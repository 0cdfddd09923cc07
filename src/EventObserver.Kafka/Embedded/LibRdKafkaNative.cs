using System.Runtime.InteropServices;

namespace EventObserver.Kafka.Embedded;

/// <summary>The few librdkafka functions Confluent.Kafka does not expose: the mock cluster and the cluster id.</summary>
internal static partial class LibRdKafkaNative
{
    public const int ProducerType = 0;
    public const int ConfOk = 0;

    static LibRdKafkaNative() => LibRdKafkaResolver.EnsureRegistered();

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_conf_new")]
    public static partial IntPtr ConfNew();

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConfSet(IntPtr conf, string name, string value, byte[] errstr, nuint errstrSize);

    /// <summary>Takes ownership of <paramref name="conf"/> on success.</summary>
    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_new")]
    public static partial IntPtr KafkaNew(int type, IntPtr conf, byte[] errstr, nuint errstrSize);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_destroy")]
    public static partial void KafkaDestroy(IntPtr rk);

    /// <summary>Returns a string to free with <see cref="MemFree"/>, or null on timeout.</summary>
    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_clusterid")]
    public static partial IntPtr ClusterId(IntPtr rk, int timeoutMs);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mem_free")]
    public static partial void MemFree(IntPtr rk, IntPtr ptr);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial IntPtr MockClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void MockClusterDestroy(IntPtr mcluster);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial IntPtr MockClusterBootstraps(IntPtr mcluster);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MockTopicCreate(IntPtr mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static partial int MockBrokerSetDown(IntPtr mcluster, int brokerId);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static partial int MockBrokerSetUp(IntPtr mcluster, int brokerId);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_set_controller_id")]
    public static partial void MockSetControllerId(IntPtr mcluster, int controllerId);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void MockGroupInitialRebalanceDelayMs(IntPtr mcluster, int delayMs);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_err2str")]
    public static partial IntPtr ErrorToString(int err);

    public static string Describe(int err) => Marshal.PtrToStringUTF8(ErrorToString(err)) ?? $"error {err}";

    public static string ReadError(byte[] errstr)
    {
        var end = Array.IndexOf(errstr, (byte)0);
        return System.Text.Encoding.UTF8.GetString(errstr, 0, end < 0 ? errstr.Length : end);
    }
}
