using EventObserver.Core.Indexing;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// Partition ownership for several observers on one schema (<see cref="IPartitionOwnership"/>): claims raise the owner
/// epoch in <c>partition_owners</c>; once this instance has claimed anything, every write is fenced by those epochs.
/// </summary>
public sealed partial class PostgresEventIndex : IPartitionOwnership
{
    private const string ClaimOwners = """
        INSERT INTO partition_owners AS o (topic, partition, epoch, owner, claimed_ms)
        SELECT k.topic, k.partition, 1, $3, $4 FROM unnest($1::text[], $2::integer[]) AS k(topic, partition)
        ORDER BY k.topic, k.partition
        ON CONFLICT (topic, partition) DO UPDATE SET epoch = o.epoch + 1, owner = excluded.owner, claimed_ms = excluded.claimed_ms
        RETURNING o.topic, o.partition, o.epoch
        """;

    private const string LockOwners = """
        SELECT o.topic, o.partition, o.epoch FROM partition_owners o
        JOIN unnest($1::text[], $2::integer[]) AS k(topic, partition) ON o.topic = k.topic AND o.partition = k.partition
        ORDER BY o.topic, o.partition
        FOR SHARE OF o
        """;

    private readonly Lock _claimsLock = new();
    private readonly Dictionary<TopicPartitionKey, long> _claims = [];
    private bool _fenced;
    private int _stuckTerminated;

    /// <summary>Raised (with the server process id) when a claim terminated a session stuck holding its partitions.</summary>
    public event Action<int>? StuckOwnerTerminated;

    /// <summary>How long a claim waits on a previous owner's transaction before it ends that session.</summary>
    public static TimeSpan StuckOwnerDelay => StuckOwnerWatchdog.StuckAfter;

    /// <summary>Sessions of stuck previous owners this instance's claims terminated.</summary>
    public int StuckOwnersTerminated => Volatile.Read(ref _stuckTerminated);

    public string ObserverId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The epochs this instance holds (tests, status).</summary>
    public IReadOnlyDictionary<TopicPartitionKey, long> Claims
    {
        get { lock (_claimsLock) { return new Dictionary<TopicPartitionKey, long>(_claims); } }
    }

    public IReadOnlyDictionary<TopicPartitionKey, long> Claim(IReadOnlyCollection<TopicPartitionKey> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        lock (_claimsLock)
        {
            _fenced = true;
        }

        var checkpoints = new Dictionary<TopicPartitionKey, long>();
        if (partitions.Count == 0)
        {
            return checkpoints;
        }

        var keys = partitions.Distinct().ToList();
        var epochs = new Dictionary<TopicPartitionKey, long>();
        using var connection = OpenConnection();
        using var watchdog = new StuckOwnerWatchdog(this, connection.ProcessID);
        using (var transaction = connection.BeginTransaction())
        {
            using (var claim = new NpgsqlCommand(ClaimOwners, connection, transaction))
            {
                AddKeys(claim, keys);
                claim.Parameters.Add(new NpgsqlParameter { Value = ObserverId });
                claim.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow().ToUnixTimeMilliseconds() });
                using var reader = claim.ExecuteReader();
                while (reader.Read())
                {
                    epochs[new TopicPartitionKey(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
                }
            }

            // Read after the claim took the owner rows: a write of the previous owner either committed before (and is
            // seen here) or locks the rows after and finds its epoch outdated.
            using (var read = new NpgsqlCommand(
                """
                SELECT c.topic, c.partition, c.next_offset FROM checkpoints c
                JOIN unnest($1::text[], $2::integer[]) AS k(topic, partition) ON c.topic = k.topic AND c.partition = k.partition
                """,
                connection,
                transaction))
            {
                AddKeys(read, keys);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    checkpoints[new TopicPartitionKey(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
                }
            }

            transaction.Commit();
        }

        lock (_claimsLock)
        {
            foreach (var (key, epoch) in epochs)
            {
                _claims[key] = epoch;
            }
        }

        return checkpoints;
    }

    public void Release(IReadOnlyCollection<TopicPartitionKey> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        lock (_claimsLock)
        {
            foreach (var key in partitions)
            {
                _claims.Remove(key);
            }
        }
    }

    /// <summary>
    /// In the write transaction, before anything is written: locks the owner rows of <paramref name="keys"/> and throws
    /// <see cref="PartitionFencedException"/> for every partition this instance does not hold at the current epoch.
    /// Nothing to check while this instance never claimed (one observer per index).
    /// </summary>
    private void CheckOwnership(NpgsqlConnection connection, NpgsqlTransaction transaction, List<TopicPartitionKey> keys)
    {
        Dictionary<TopicPartitionKey, long> held;
        lock (_claimsLock)
        {
            if (!_fenced)
            {
                return;
            }

            held = new Dictionary<TopicPartitionKey, long>(_claims);
        }

        var current = new Dictionary<TopicPartitionKey, long>();
        using (var command = new NpgsqlCommand(LockOwners, connection, transaction))
        {
            AddKeys(command, keys);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                current[new TopicPartitionKey(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
            }
        }

        var lost = keys.Where(k => !held.TryGetValue(k, out var mine) || !current.TryGetValue(k, out var now) || now != mine).ToList();
        if (lost.Count == 0)
        {
            return;
        }

        lock (_claimsLock)
        {
            foreach (var key in lost)
            {
                if (_claims.TryGetValue(key, out var mine) && mine == held.GetValueOrDefault(key))
                {
                    _claims.Remove(key);
                }
            }
        }

        throw new PartitionFencedException(lost);
    }

    internal void OnStuckOwnerTerminated(int pid)
    {
        Interlocked.Increment(ref _stuckTerminated);
        StuckOwnerTerminated?.Invoke(pid);
    }

    private static void AddKeys(NpgsqlCommand command, List<TopicPartitionKey> keys)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Topic).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Partition).ToArray() });
    }
}
