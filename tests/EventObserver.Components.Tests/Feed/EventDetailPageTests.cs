using System.Text;

using Bunit;

using EventObserver.Features.Events;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

namespace EventObserver.Components.Tests.Feed;

public sealed class EventDetailPageTests : DashboardTestContext
{
    private const string Script = "<script>window.__xss=1</script>";
    private const string Image = "<img src=x onerror=\"window.__xss=1\">";

    [Fact]
    public void Detail_JsonEvent_ShowsFieldsHeadersTreeAndLinks()
    {
        var page = RenderStored(TestEnvelopes.Json(
            "orders", 7, "{\"orderId\":\"o-1\",\"lines\":[{\"sku\":\"A\",\"qty\":2}],\"paid\":true}",
            key: "o-1", correlationId: "corr-9", source: "/shop/orders", headers: [("message-type", "OrderPlaced"), ("x-bin", null)]));

        Assert.Contains("OrderPlaced", page.Find("[data-testid=event-title]").TextContent, StringComparison.Ordinal);
        var fields = page.Find("[data-testid=envelope-fields]").TextContent;
        Assert.Contains("corr-9", fields, StringComparison.Ordinal);
        Assert.Contains("/shop/orders", fields, StringComparison.Ordinal);
        var headers = page.FindAll("[data-testid=header-row]");
        Assert.Equal(2, headers.Count);
        Assert.Contains("4f 72 64 65 72", headers[0].TextContent, StringComparison.Ordinal); // "Order" in hex
        Assert.Contains("null", headers[1].TextContent, StringComparison.Ordinal);
        var tree = page.Find("[data-testid=json-tree]").TextContent;
        Assert.Contains("\"sku\"", tree, StringComparison.Ordinal);
        Assert.Contains("true", tree, StringComparison.Ordinal);
        Assert.Equal("lineage?event=orders%2F0%2F7", page.Find("[data-testid=link-lineage]").GetAttribute("href"));
        Assert.Equal(new EventSelection { CorrelationId = "corr-9" }, FilterOf(page.Find("[data-testid=link-correlation]").GetAttribute("href")));
        Assert.Equal(new EventSelection { Key = "o-1" }, FilterOf(page.Find("[data-testid=link-key]").GetAttribute("href")));
        Assert.Equal("replay?event=orders%2F0%2F7", page.Find("[data-testid=link-replay]").GetAttribute("href"));
    }

    [Fact]
    public async Task Detail_BinaryPayload_SaysBinaryAndShowsAHexDumpOnRequest()
    {
        var page = RenderStored(TestEnvelopes.Raw("blobs", 0, [.. Enumerable.Range(0, 40).Select(i => (byte)i)], PayloadFormat.Binary));

        Assert.Contains("Binary payload, 40 bytes", page.Find("[data-testid=payload-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=hex-dump]"));
        await ClickOnRendererAsync(page, "[data-testid=toggle-raw]");
        var dump = page.Find("[data-testid=hex-dump]").TextContent;
        Assert.StartsWith("00000000  00 01 02 03 04 05 06 07  08 09", dump, StringComparison.Ordinal);
        Assert.Contains("00000020  20 21 22", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_Tombstone_SaysSoWithoutPayloadOrBytes()
    {
        var page = RenderStored(TestEnvelopes.Raw("orders", 3, null, PayloadFormat.Tombstone, key: "o-1"));

        Assert.Contains("Tombstone", page.Find("[data-testid=payload-summary]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=toggle-raw]").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=json-tree]"));
    }

    [Fact]
    public async Task Detail_FiveMegabyteJson_ShowsTheFirst64KbUntilShowAll()
    {
        var big = "{\"items\":[" + string.Join(',', Enumerable.Range(0, 250_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(20, '1'))) + "]}";
        Assert.True(big.Length > 5_000_000);
        var page = RenderStored(TestEnvelopes.Json("big", 0, big));

        Assert.Contains("Showing the first 64.0 KB of", page.Find("[data-testid=payload-truncated]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=json-tree]"));
        Assert.Equal(PayloadView.PreviewBytes, page.Find("[data-testid=payload-text]").TextContent.Length);

        await ClickOnRendererAsync(page, "[data-testid=payload-show-all]");

        Assert.Equal(big.Length, page.Find("[data-testid=payload-text]").TextContent.Length);
        Assert.Contains("Showing all", page.Find("[data-testid=payload-truncated]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_BrokenJson_FallsBackToTextWithANote()
    {
        var page = RenderStored(TestEnvelopes.Json("orders", 0, "{\"orderId\": \"o-1\","));

        Assert.Contains("Not valid JSON", page.Find("[data-testid=payload-note]").TextContent, StringComparison.Ordinal);
        Assert.Equal("{\"orderId\": \"o-1\",", page.Find("[data-testid=payload-text]").TextContent);
    }

    [Fact]
    public async Task Detail_HtmlAndScriptEverywhere_AreRenderedAsTextOnly()
    {
        var json = $"{{\"note\":\"{Script}\",\"image\":\"{Image.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}";
        var page = RenderStored(TestEnvelopes.Json(
            "xss", 0, json, type: Script, key: Image, correlationId: Script, source: Image, headers: [(Script, Image), ("x-html", Script)]));

        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));
        var text = page.Find("[data-testid=payload]").TextContent + page.Find("[data-testid=headers-table]").TextContent;
        Assert.Contains(Script, text, StringComparison.Ordinal);
        Assert.Contains(Image, text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Markup, StringComparison.Ordinal);

        await ClickOnRendererAsync(page, "[data-testid=toggle-raw]");
        Assert.Empty(page.FindAll("script"));
    }

    [Fact]
    public async Task Detail_TenThousandHeaders_RendersOnePageAtATime_AndPagingReachesEveryOne()
    {
        var headers = Enumerable.Range(0, 10_000).Select(i => ($"h-{i:D5}", (string?)$"value {i}")).ToArray();
        var page = RenderStored(TestEnvelopes.Json("wide", 0, headers: headers));

        var firstPage = page.FindAll("[data-testid=header-row]").Count;
        var firstInfo = page.Find("[data-testid=headers-page-info]").TextContent;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        while (true)
        {
            var rows = page.FindAll("[data-testid=header-row]");
            Assert.InRange(rows.Count, 1, HeaderTable.PageSize);
            foreach (var row in rows)
            {
                seen.Add(row.Children[0].TextContent);
            }

            pages++;
            var next = page.Find("[data-testid=headers-next]");
            if (next.HasAttribute("disabled"))
            {
                break;
            }

            await next.ClickAsync(new MouseEventArgs());
        }

        Assert.Equal(HeaderTable.PageSize, firstPage);
        Assert.Contains("Headers 1–200 of 10,000", firstInfo, StringComparison.Ordinal);
        Assert.Equal(50, pages);
        Assert.Equal(10_000, seen.Count);
        Assert.Contains("Headers 9,801–10,000 of 10,000", page.Find("[data-testid=headers-page-info]").TextContent, StringComparison.Ordinal);
        await ClickOnRendererAsync(page, "[data-testid=headers-prev]");
        Assert.Contains("Headers 9,601–9,800", page.Find("[data-testid=headers-page-info]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_UnknownPosition_SaysNotFound()
    {
        Indexes.OpenForCluster("c1");

        var page = Render("orders", 0, 99);

        Assert.Contains("orders/0/99", page.Find("[data-testid=event-missing]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_OpenedFromAFilteredFeed_LeadsBackToThatFeed()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("events/orders/0/7?back=" + Uri.EscapeDataString("/?topic=orders&kind=Event"));

        var page = RenderStored(TestEnvelopes.Json("orders", 7, "{}"));

        Assert.Equal("./?topic=orders&kind=Event", page.Find("[data-testid=back-to-feed]").GetAttribute("href"));
    }

    [Theory]
    [InlineData("https://evil.example/?topic=x")]
    [InlineData("//evil.example/?topic=x")]
    [InlineData("/\\evil.example")]
    [InlineData("/lineage?event=x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/?topic=x#frag")]
    public void Detail_BackThatIsNotTheFeed_LeadsToTheUnfilteredFeed(string back)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("events/orders/0/7?back=" + Uri.EscapeDataString(back));

        var page = RenderStored(TestEnvelopes.Json("orders", 7, "{}"));

        Assert.Equal("./", page.Find("[data-testid=back-to-feed]").GetAttribute("href"));
    }

    private static EventSelection FilterOf(string? href)
    {
        Assert.NotNull(href);
        return EventSelectionQuery.Parse(href[href.IndexOf('?', StringComparison.Ordinal)..]);
    }

    private IRenderedComponent<EventDetail> RenderStored(EventEnvelope envelope)
    {
        Indexes.OpenForCluster("c1").Write([envelope]);
        return Render(envelope.Topic, envelope.Partition, envelope.Offset);
    }

    private IRenderedComponent<EventDetail> Render(string topic, int partition, long offset)
    {
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<EventDetail>(p => p
            .Add(x => x.Topic, topic)
            .Add(x => x.Partition, partition)
            .Add(x => x.Offset, offset));

        // The page reads the event off the circuit thread: its first render only says it is loading.
        page.WaitForState(() => !page.Instance.Loading);
        return page;
    }
}
