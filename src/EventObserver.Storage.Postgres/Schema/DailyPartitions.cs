using System.Globalization;

using Npgsql;

namespace EventObserver.Storage.Postgres.Schema;

/// <summary>
/// The daily range partitions of <c>events</c> (<c>events_yyyyMMdd</c>, UTC days of the Kafka timestamp). Days around
/// now are created ahead (on open and by retention) and days a batch reaches are created before it is written, within
/// <see cref="PastDays"/> back and <see cref="FutureDays"/> ahead; anything else (ancient or far-future timestamps, -1)
/// lands in <c>events_default</c>, so a rebuild over old history cannot create thousands of partitions. A day whose
/// rows already sit in the default partition is left there (creating it would fail). Thread-safe.
/// </summary>
internal sealed class DailyPartitions
{
    public const long DayMs = 86_400_000;
    public const int PastDays = 31;
    public const int FutureDays = 7;
    private const string Prefix = "events_";
    private const string CheckViolation = "23514";

    // Another observer created the day at the same moment.
    private const string DuplicateTable = "42P07";
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _source;
    private readonly Lock _sync = new();
    private readonly HashSet<long> _known = [];

    public DailyPartitions(NpgsqlDataSource source) => _source = source;

    public static long DayOf(long timestampMs) => Math.DivRem(timestampMs, DayMs, out var rest) - (rest < 0 ? 1 : 0);

    public static string NameOf(long day) =>
        Prefix + DateTimeOffset.FromUnixTimeMilliseconds(day * DayMs).UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The day partitions that exist, oldest first (from the catalog: another observer may have added some).</summary>
    public List<long> List()
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass",
            connection);
        using var reader = command.ExecuteReader();
        var days = new List<long>();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            if (name.StartsWith(Prefix, StringComparison.Ordinal)
                && DateTime.TryParseExact(name[Prefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            {
                days.Add(DayOf(new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeMilliseconds()));
            }
        }

        days.Sort();
        lock (_sync)
        {
            _known.Clear();
            _known.UnionWith(days);
        }

        return days;
    }

    /// <summary>Creates the days around <paramref name="now"/>: yesterday to the day after tomorrow.</summary>
    public void CreateAhead(DateTimeOffset now)
    {
        var today = DayOf(now.ToUnixTimeMilliseconds());
        Ensure([today - 1, today, today + 1, today + 2]);
    }

    /// <summary>Creates the days of <paramref name="timestampsMs"/> that lie within the window around <paramref name="now"/>.</summary>
    public void EnsureFor(IEnumerable<long> timestampsMs, DateTimeOffset now)
    {
        var today = DayOf(now.ToUnixTimeMilliseconds());
        var wanted = new HashSet<long>();
        foreach (var ms in timestampsMs)
        {
            var day = DayOf(ms);
            if (day >= today - PastDays && day <= today + FutureDays)
            {
                wanted.Add(day);
            }
        }

        Ensure(wanted);
    }

    /// <summary>
    /// Builds the free-text trigram index of every day that is over and has none (or a broken one, left by an interrupted
    /// build). Built once per day in bulk, concurrently (writers go on), instead of row by row while ingesting, where
    /// it cost about ten times the rest of a write. Late events of an indexed day are indexed as they come.
    /// </summary>
    /// <returns>How many day indexes were built.</returns>
    public int IndexClosedDays(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var closed = List().Where(d => (d + 1) * DayMs <= nowMs).ToList();
        if (closed.Count == 0)
        {
            return 0;
        }

        using var connection = _source.OpenConnection();
        var valid = new Dictionary<string, bool>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand(
            "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            + "WHERE c.relnamespace = current_schema()::text::regnamespace AND c.relname LIKE 'events\\_%\\_search'",
            connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                valid[reader.GetString(0)] = reader.GetBoolean(1);
            }
        }

        var built = 0;
        foreach (var day in closed)
        {
            var name = NameOf(day) + "_search";
            if (valid.TryGetValue(name, out var ok) && ok)
            {
                continue;
            }

            // CONCURRENTLY runs outside a transaction: an interrupted build leaves an invalid index, dropped here first.
            Run(connection, $"DROP INDEX CONCURRENTLY IF EXISTS {name}");
            try
            {
                Run(connection, $"CREATE INDEX CONCURRENTLY {name} ON {NameOf(day)} USING gin (search_text public.gin_trgm_ops, upper(payload_text) public.gin_trgm_ops)");
                built++;
            }
            catch (PostgresException e) when (e.SqlState is DuplicateTable or UniqueViolation)
            {
                // Another observer built it at the same moment.
            }
        }

        return built;
    }

    /// <summary>Forgets a dropped day, so a later batch of that day may create it again.</summary>
    public void Forget(long day)
    {
        lock (_sync)
        {
            _known.Remove(day);
        }
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private void Ensure(IEnumerable<long> days)
    {
        List<long> missing;
        lock (_sync)
        {
            missing = days.Where(d => !_known.Contains(d)).ToList();
        }

        if (missing.Count == 0)
        {
            return;
        }

        using var connection = _source.OpenConnection();
        foreach (var day in missing)
        {
            var sql = string.Create(
                CultureInfo.InvariantCulture,
                $"CREATE TABLE IF NOT EXISTS {NameOf(day)} PARTITION OF events FOR VALUES FROM ({day * DayMs}) TO ({(day + 1) * DayMs})");
            try
            {
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState is CheckViolation or DuplicateTable or UniqueViolation)
            {
                // Rows of that day already in the default partition stay there, and so do the day's next rows.
            }

            lock (_sync)
            {
                _known.Add(day);
            }
        }
    }
}
