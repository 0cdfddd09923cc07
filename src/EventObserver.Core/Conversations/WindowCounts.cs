namespace EventObserver.Core.Conversations;

/// <summary>Started/completed/failed per minute for the last 24 hours (by message time), one slot per minute.</summary>
internal sealed class WindowCounts
{
    public const int Minutes = 24 * 60;
    private const long MinuteMs = 60_000;

    private readonly long[] _minute = new long[Minutes];
    private readonly int[] _started = new int[Minutes];
    private readonly int[] _completed = new int[Minutes];
    private readonly int[] _failed = new int[Minutes];

    public WindowCounts() => Array.Fill(_minute, long.MinValue);

    public void Started(long timestampMs) => Add(_started, timestampMs, 1);

    public void Ended(ConversationStatus status, long timestampMs) =>
        Add(status == ConversationStatus.Failed ? _failed : _completed, timestampMs, 1);

    public (long Started, long Completed, long Failed) Sum(long fromMs, long toMs)
    {
        var first = FloorDiv(fromMs);
        var last = FloorDiv(toMs);
        long started = 0, completed = 0, failed = 0;
        for (var i = 0; i < Minutes; i++)
        {
            var minute = _minute[i];
            if (minute >= first && minute <= last)
            {
                started += _started[i];
                completed += _completed[i];
                failed += _failed[i];
            }
        }

        return (started, completed, failed);
    }

    public IEnumerable<(long Minute, int Started, int Completed, int Failed)> Slots()
    {
        for (var i = 0; i < Minutes; i++)
        {
            if (_minute[i] != long.MinValue)
            {
                yield return (_minute[i], _started[i], _completed[i], _failed[i]);
            }
        }
    }

    public void Restore(long minute, int started, int completed, int failed)
    {
        var slot = Slot(minute);
        _minute[slot] = minute;
        _started[slot] = started;
        _completed[slot] = completed;
        _failed[slot] = failed;
    }

    private void Add(int[] counts, long timestampMs, int count)
    {
        var minute = FloorDiv(timestampMs);
        var slot = Slot(minute);
        if (_minute[slot] != minute)
        {
            if (_minute[slot] > minute)
            {
                // Older than the 24 hours the slot now holds: too old to show.
                return;
            }

            _minute[slot] = minute;
            _started[slot] = 0;
            _completed[slot] = 0;
            _failed[slot] = 0;
        }

        counts[slot] += count;
    }

    private static long FloorDiv(long ms) => (long)Math.Floor(ms / (double)MinuteMs);

    private static int Slot(long minute) => (int)(((minute % Minutes) + Minutes) % Minutes);
}
