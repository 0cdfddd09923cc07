using EventObserver.Core.Envelopes;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace EventObserver.Tests.Claims;

/// <summary>
/// One app without Kafka, its index seeded with <see cref="Count"/> orders (keys <c>o-0</c>..<c>o-2</c> in turn, the
/// one at <see cref="ShippedOffset"/> an <c>OrderShipped</c>) and <c>Replay:MaxActiveRuns</c> set to
/// <see cref="MaxActiveRuns"/>.
/// </summary>
public sealed class ReplayClaimsFixture : IDisposable
{
    public const string Topic = "claims.orders";
    public const int Count = 3000;
    public const int ShippedOffset = 4;
    public const int MaxActiveRuns = 2;

    public ReplayClaimsFixture()
    {
        Factory = new SeededAppFactory(builder =>
            builder.UseSetting("EventObserver:Replay:MaxActiveRuns", MaxActiveRuns.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Factory.Seed([.. Enumerable.Range(0, Count).Select(i => Envelopes.Json(
            Topic,
            i,
            i == ShippedOffset ? "OrderShipped" : "OrderPlaced",
            MessageKind.Event,
            $$"""{"orderId":"o-{{i % 3}}","n":{{i}}}""",
            key: $"o-{i % 3}"))]);
        Client = Factory.CreateClient();
    }

    public SeededAppFactory Factory { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
