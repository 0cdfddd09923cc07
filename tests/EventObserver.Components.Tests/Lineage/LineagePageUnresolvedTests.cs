using System.Text;

using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;
using EventObserver.Core.Masking;
using EventObserver.Features.Lineage;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Access;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Lineage;

/// <summary>The lineage page says how many causes the index does not hold, apart from causes hidden by access control.</summary>
public sealed class LineagePageUnresolvedTests : DashboardTestContext
{
    private const string Correlation = "conv-1";

    private TestCurrentUser User { get; } = new();

    public LineagePageUnresolvedTests()
    {
        Context.Services.AddSingleton<LineageQueries>();
        Context.Services.AddSingleton<IEventMasker>(new KeyMasker());
        Context.Services.AddSingleton<ICurrentUser>(User);
        Context.Services.AddOptions<LineageOptions>();
    }

    [Fact]
    public void Page_MessagesNamingCausesNotIndexed_SaysHowManyAndNamesThemInTheTooltip()
    {
        Seed();

        var page = RenderAt($"lineage?correlation={Correlation}");

        var count = page.Find("[data-testid=lineage-unresolved-count]");
        Assert.Equal("2 causes not found in the index", count.TextContent);
        Assert.Equal("gone-1\ngone-2", count.GetAttribute("title"));
    }

    [Fact]
    public void Page_EveryCauseIndexed_SaysNothingAboutMissingCauses()
    {
        Seed();

        var page = RenderAt("lineage?event=shop.orders.events/0/0");

        Assert.Single(page.FindAll("[data-id='shop.orders.commands/0/0']"));
        Assert.Empty(page.FindAll("[data-testid=lineage-unresolved]"));
    }

    [Fact]
    public void Page_CauseOnATopicTheUserMayNotRead_IsHiddenNotMissing()
    {
        Seed();
        User.Access = new UserAccess("viewer", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics("shop.orders.commands"), seesRawValues: true);

        var page = RenderAt("lineage?event=shop.orders.events/0/0");

        Assert.Contains("1 hidden", page.Find("[data-testid=lineage-summary]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=lineage-unresolved]"));
    }

    [Fact]
    public void Page_MissingCauseNamedOnlyByAHiddenMessage_IsNotCounted()
    {
        Seed();
        User.Access = new UserAccess("viewer", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics("shop.payments.events"), seesRawValues: true);

        var page = RenderAt($"lineage?correlation={Correlation}");

        Assert.Equal("1 cause not found in the index", page.Find("[data-testid=lineage-unresolved-count]").TextContent);
        Assert.DoesNotContain("gone-2", page.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<LineagePage> RenderAt(string relative)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(relative);
        var page = Context.Render<LineagePage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=lineage-loading]")));
        return page;
    }

    /// <summary>PlaceOrder → OrderPlaced; ChargePayment names "gone-1" and PaymentFailed "gone-2", neither indexed.</summary>
    private void Seed() => Indexes.OpenForCluster("c1").Write(
    [
        Message("shop.orders.commands", "PlaceOrder", MessageKind.Command, "m1", null, 0),
        Message("shop.orders.events", "OrderPlaced", MessageKind.Event, "m2", "m1", 10),
        Message("shop.payments.commands", "ChargePayment", MessageKind.Command, "m3", "gone-1", 20),
        Message("shop.payments.events", "PaymentFailed", MessageKind.Event, "m4", "gone-2", 30),
    ]);

    private EventEnvelope Message(string topic, string type, MessageKind kind, string id, string? cause, long atMs) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = 0,
        TimestampMs = Time.GetUtcNow().ToUnixTimeMilliseconds() + atMs,
        Payload = Encoding.UTF8.GetBytes("{}"),
        PayloadFormat = PayloadFormat.Json,
        MessageId = id,
        MessageType = type,
        Kind = kind,
        CorrelationId = Correlation,
        CausationId = cause,
        Source = "/shop/" + topic,
    };
}
