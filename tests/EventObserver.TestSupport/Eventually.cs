namespace EventObserver.TestSupport;

/// <summary>Polls a condition until it holds or a timeout passes; replaces fixed sleeps in tests.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the first value of <paramref name="probe"/> that satisfies <paramref name="done"/>; throws with the last value otherwise.</summary>
    public static async Task<T> MatchAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        T last;
        while (true)
        {
            last = probe();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s waiting for {what}; last value: {Describe(last)}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        MatchAsync(condition, ok => ok, what, timeout);

    /// <summary>
    /// Like <see cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>, running <paramref name="between"/> after every look
    /// that fails, e.g. moving a fake clock on in small steps: one jump of a whole interval could land before the code
    /// under test has armed its timer, and that timer would then never fire.
    /// </summary>
    public static Task TrueAsync(Func<bool> condition, Action between, string what, TimeSpan? timeout = null) =>
        MatchAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            between();
            return false;
        }, ok => ok, what, timeout);

    /// <summary>
    /// The other side: <paramref name="condition"/> holds at every look for <paramref name="duration"/> (a "nothing
    /// happened" check; one look right after the action would pass before the code under test had even run), with
    /// <paramref name="between"/> run after every look, e.g. moving a fake clock on.
    /// </summary>
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan duration, Action? between = null)
    {
        var deadline = DateTime.UtcNow + duration;
        do
        {
            Assert(condition(), what);
            between?.Invoke();
            await Task.Delay(Interval / 5);
        }
        while (DateTime.UtcNow < deadline);

        Assert(condition(), what);
    }

    private static void Assert(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"No longer true: {what}");
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.ICollection collection => $"{collection.Count} items",
        _ => value.ToString() ?? "",
    };
}
