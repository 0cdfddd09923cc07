using Confluent.Kafka;

using EventObserver.Kafka.Embedded;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.EndToEnd.Tests.Resilience.SharedIndex;

/// <summary>
/// What one shared-index test runs on: a mock cluster with one topic, a database of its own on the throwaway PostgreSQL
/// server, a numbered producer, and the observer processes it starts, all in one consumer group of its own. Disposing
/// kills every observer (a SIGSTOPped one too: SIGKILL needs no cooperation), then drops the database.
/// </summary>
internal sealed class SharedIndexRig : IAsyncDisposable
{
    /// <summary>
    /// The mock rebalances in about session.timeout.ms, and a dead or frozen member is noticed only after it: the app's
    /// 6 s for a real cluster would make every hand-over of these tests twice as slow. The mock accepts 3 s (the embedded
    /// broker runs with it).
    /// </summary>
    private const string SessionTimeoutMs = "3000";

    private readonly List<SharedObserver> _observers = [];
    private readonly TempDirectory _temp = new("eventobserver-shared-index");
    private readonly string _groupId = "observers-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _connectionString;

    private SharedIndexRig(int partitions, string connectionString)
    {
        _connectionString = connectionString;
        Partitions = partitions;
        Cluster = new MockKafkaCluster(brokers: 1);
        Topic = MockClusterFixture.UniqueTopic("shared");
        Cluster.CreateTopic(Topic, partitions);
        Producer = new NumberedProducer(Cluster.BootstrapServers, Topic);
        Database = new SharedIndexDatabase(connectionString, Topic);
    }

    public MockKafkaCluster Cluster { get; }

    public string Topic { get; }

    public int Partitions { get; }

    public NumberedProducer Producer { get; }

    public SharedIndexDatabase Database { get; }

    public static async Task<SharedIndexRig> CreateAsync(int partitions) =>
        new(partitions, await PostgresServer.Shared.CreateDatabaseAsync());

    /// <summary>Starts <paramref name="count"/> observers at once (each waits for its port; the group forms as they join).</summary>
    public async Task<SharedObserver[]> StartObserversAsync(int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartObserverAsync()));

    public async Task<SharedObserver> StartObserverAsync()
    {
        var folder = Path.Combine(_temp.Path, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var observer = await SharedObserver.StartAsync(Cluster.BootstrapServers, Path.Combine(folder, "unused.db"), new Dictionary<string, string>
        {
            ["EventObserver__Storage__Provider"] = "Postgres",
            ["EventObserver__Storage__ConnectionString"] = _connectionString,
            ["EventObserver__Kafka__Assignment"] = "Group",
            ["EventObserver__Kafka__GroupId"] = _groupId,
            ["EventObserver__Kafka__Client__session.timeout.ms"] = SessionTimeoutMs,
            // Warnings (the refused writes among them) and ingestion's own lines (assigned, claimed, released) only.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__EventObserver.Kafka.Ingestion"] = "Information",
        });
        lock (_observers)
        {
            _observers.Add(observer);
        }

        return observer;
    }

    /// <summary>Waits until the index's owners are exactly <paramref name="observers"/>, each holding at least one partition.</summary>
    public Task<IReadOnlyList<PartitionOwner>> WaitForOwnersAsync(IReadOnlyCollection<SharedObserver> observers, TimeSpan timeout)
    {
        var pids = observers.Select(o => o.Pid).ToHashSet();
        return Eventually.MatchAsync(
            Database.Owners,
            owners => owners.Count == Partitions && owners.Select(o => o.Pid).ToHashSet().SetEquals(pids),
            $"all {Partitions} partitions owned by observers {string.Join(", ", pids)} (each at least one)",
            timeout);
    }

    /// <summary>Waits until the index holds at least <paramref name="produced"/> events of the topic.</summary>
    public Task WaitForIndexedAsync(long produced, TimeSpan timeout) =>
        Eventually.MatchAsync(Database.CountEvents, n => n >= produced, $"{produced} events in the shared index", timeout);

    /// <summary>
    /// The whole promise, read from PostgreSQL: every produced message once (<paramref name="produced"/> rows, as many
    /// distinct payloads, no position twice) and every partition gapless from 0 up to its high watermark, with the
    /// checkpoint there.
    /// </summary>
    public void AssertIndexExact(int produced, string context)
    {
        var audit = Database.Audit();
        var watermarks = HighWatermarks();
        var because = $"{context}\nindex: {audit}\nwatermarks: {string.Join(", ", watermarks.Select(w => $"p{w.Key}={w.Value}"))}";
        Assert.True(watermarks.Values.Sum() == produced, $"the broker holds {watermarks.Values.Sum()} messages, not the {produced} produced. {because}");
        Assert.True(audit.DuplicatedPositions == 0, $"positions indexed twice. {because}");
        Assert.True(audit.Rows == produced && audit.DistinctPayloads == produced, $"not every message exactly once. {because}");
        foreach (var (partition, high) in watermarks)
        {
            var rows = audit.Partitions.GetValueOrDefault(partition);
            Assert.True(
                high == 0 || (rows is not null && rows.FirstOffset == 0 && rows.LastOffset == high - 1 && rows.Rows == high),
                $"partition {partition} is not gapless up to {high}. {because}");
            Assert.True(audit.Checkpoints.GetValueOrDefault(partition) == high, $"partition {partition}'s checkpoint is not at {high}. {because}");
        }
    }

    /// <summary>The broker's end offset per partition of the topic.</summary>
    public IReadOnlyDictionary<int, long> HighWatermarks()
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = Cluster.BootstrapServers,
            GroupId = _groupId + "-watermarks",
        }).SetLogHandler((_, _) => { }).Build();
        return Enumerable.Range(0, Partitions).ToDictionary(
            p => p,
            p => consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    public async ValueTask DisposeAsync()
    {
        SharedObserver[] observers;
        lock (_observers)
        {
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            await observer.DisposeAsync();
        }

        Producer.Dispose();
        Cluster.Dispose();
        PostgresServer.Shared.DropDatabase(_connectionString);
        _temp.Dispose();
    }
}
