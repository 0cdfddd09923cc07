namespace EventObserver.Tests.Access;

/// <summary>Searches a raw response body for anything of the denied topic's events.</summary>
public static class Leaks
{
    /// <summary>
    /// Fails when <paramref name="body"/> holds a type, key, id, correlation id, header value or payload bytes of the
    /// denied topic's events, or (unless the caller named it in the request) the denied topic's name.
    /// </summary>
    public static void AssertNone(string body, string what, bool namedByCaller = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var marker in AccessAppFixture.DeniedMarkers)
        {
            Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{what}: the response holds '{marker}' of the denied topic");
        }

        if (!namedByCaller)
        {
            Assert.False(body.Contains(AccessAppFixture.DeniedTopic, StringComparison.Ordinal), $"{what}: the response names the denied topic");
        }
    }

    /// <summary>True when <paramref name="body"/> holds some marker of the denied topic (for the controls that prove the search can fail).</summary>
    public static bool Any(string body) => AccessAppFixture.DeniedMarkers.Any(m => body.Contains(m, StringComparison.Ordinal));
}
