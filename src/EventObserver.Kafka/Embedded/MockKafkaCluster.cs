using System.Runtime.InteropServices;

namespace EventObserver.Kafka.Embedded;

/// <summary>
/// librdkafka's in-process mock Kafka cluster: real listeners on localhost that any Kafka client can use.
/// It lacks the admin APIs to create topics, so topics are created here. Retention is ~5 MiB per partition.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    public MockKafkaCluster(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        BrokerCount = brokers;

        var errstr = new byte[512];
        var conf = LibRdKafkaNative.ConfNew();
        // The owning handle only hosts the cluster; keep its own logging to errors.
        LibRdKafkaNative.ConfSet(conf, "log_level", "3", errstr, (nuint)errstr.Length);
        _handle = LibRdKafkaNative.KafkaNew(LibRdKafkaNative.ProducerType, conf, errstr, (nuint)errstr.Length);
        if (_handle == IntPtr.Zero)
        {
            LibRdKafkaNative.ConfDestroy(conf);
            throw new InvalidOperationException($"Could not create the librdkafka handle for the mock cluster: {LibRdKafkaNative.ReadError(errstr)}");
        }

        _cluster = LibRdKafkaNative.MockClusterNew(_handle, brokers);
        if (_cluster == IntPtr.Zero)
        {
            LibRdKafkaNative.KafkaDestroy(_handle);
            _handle = IntPtr.Zero;
            throw new InvalidOperationException("librdkafka could not create the mock cluster.");
        }

        // Without these, metadata has no controller and the first group join waits for the default 3 s delay.
        LibRdKafkaNative.MockSetControllerId(_cluster, 1);
        LibRdKafkaNative.MockGroupInitialRebalanceDelayMs(_cluster, 0);
        BootstrapServers = Marshal.PtrToStringUTF8(LibRdKafkaNative.MockClusterBootstraps(_cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap servers.");
    }

    public int BrokerCount { get; }

    /// <summary>Comma-separated <c>host:port</c> list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Check(LibRdKafkaNative.MockTopicCreate(Cluster(), name, partitions, replicationFactor), $"create topic '{name}'");
    }

    /// <summary>Takes a broker off the network (connections refused) until <see cref="SetBrokerUp"/>; its data stays.</summary>
    public void SetBrokerDown(int brokerId) =>
        Check(LibRdKafkaNative.MockBrokerSetDown(Cluster(), brokerId), $"set broker {brokerId} down");

    public void SetBrokerUp(int brokerId) =>
        Check(LibRdKafkaNative.MockBrokerSetUp(Cluster(), brokerId), $"set broker {brokerId} up");

    public void SetAllBrokersDown()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerDown(id);
        }
    }

    public void SetAllBrokersUp()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerUp(id);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibRdKafkaNative.MockClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_handle != IntPtr.Zero)
            {
                LibRdKafkaNative.KafkaDestroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    private IntPtr Cluster()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            return _cluster;
        }
    }

    private static void Check(int error, string action)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"Mock cluster could not {action}: {LibRdKafkaNative.Describe(error)}");
        }
    }
}
