using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Access;

using static EventObserver.Tests.Access.AccessAppFixture;

namespace EventObserver.Tests.Access;

/// <summary>
/// Every read path returns the masked event to a user who does not see raw values and the raw one to a user who
/// does (with <see cref="FakeMasker"/> on the payments topic), replay state and diffs included; opening a masked
/// topic's event with raw values is audited. (The feed page's rows are not prerendered: its bUnit tests cover them.)
/// </summary>
[Collection(AccessAppCollection.Name)]
public sealed class MaskingPathTests(AccessAppFixture app)
{
    private const string CardsScript = "({ $init: () => ({ cards: [] }), $any: (s, e) => { if (e.data && e.data.card) s.cards.push(e.data.card); } })";

    private static readonly string PaymentDetail = $"/{PaymentsTopic}/0/2";

    public static TheoryData<string> ReadPaths =>
    [
        "/api/events" + PaymentDetail,
        "/events" + PaymentDetail,
    ];

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task ReadPath_UserWithoutUnmask_GetsTheMaskedEvent(string path)
    {
        using var client = app.ClientFor(Viewer);

        var body = await client.GetStringAsync(path);

        AssertMasked(body, path);
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task ReadPath_UserWithUnmask_GetsTheRawEvent(string path)
    {
        using var client = app.ClientFor(Unmasker);

        var body = await client.GetStringAsync(path);

        AssertRaw(body, path);
    }

    [Fact]
    public async Task EventList_UserWithoutUnmask_GetsMaskedSummaries()
    {
        using var client = app.ClientFor(Viewer);
        using var raw = app.ClientFor(Unmasker);

        var masked = await client.GetFromJsonAsync<JsonElement>($"/api/events?topic={PaymentsTopic}");
        var unmasked = await raw.GetFromJsonAsync<JsonElement>($"/api/events?topic={PaymentsTopic}");

        Assert.Equal(FakeMasker.MaskedSource, Assert.Single(masked.EnumerateArray()).GetProperty("source").GetString());
        Assert.Equal("test-service", Assert.Single(unmasked.EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task FreeTextForAMaskedValue_FindsNothingUnlessTheUserSeesRawValues()
    {
        using var client = app.ClientFor(Viewer);
        using var raw = app.ClientFor(Unmasker);
        var query = $"/api/events?q={FakeMasker.RawValue}";

        var masked = await client.GetFromJsonAsync<JsonElement>(query);
        var unmasked = await raw.GetFromJsonAsync<JsonElement>(query);
        var count = await client.PostAsJsonAsync("/api/replays/count", new { q = FakeMasker.RawValue });

        Assert.Equal(0, masked.GetArrayLength());
        Assert.Equal(1, unmasked.GetArrayLength());
        Assert.Equal(0, (await count.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReplayState_HoldsMaskedValuesUnlessTheStarterSeesRawValues(bool raw)
    {
        using var client = app.ClientFor(raw ? RawOperator : Operator);

        var run = await DeniedTopicReplayTests.RunAsync(client, new { selection = new { topic = PaymentsTopic }, projection = CardsScript });

        Assert.Equal(raw ? FakeMasker.RawValue : FakeMasker.MaskedValue, run.GetProperty("state").GetProperty("cards")[0].GetString());
    }

    [Fact]
    public async Task ReplayStepChanges_HoldMaskedValues()
    {
        using var client = app.ClientFor(Operator);
        var id = await DeniedTopicReplayTests.StartAsync(client, new { selection = new { topic = PaymentsTopic }, projection = CardsScript, startPaused = true });

        await client.PostAsync($"/api/replays/{id}/step", null);
        var run = await TestSupport.Eventually.MatchAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult(),
            r => r.GetProperty("processed").GetInt64() == 1 && r.GetProperty("changes").GetArrayLength() > 0, "the step's changes");

        AssertMasked(run.GetProperty("changes").GetRawText(), "step changes");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CompareDiff_HoldsMaskedValuesUnlessTheUserSeesRawValues(bool raw)
    {
        using var client = app.ClientFor(raw ? RawOperator : Operator);

        var response = await client.PostAsJsonAsync("/api/replays/compare", new
        {
            left = new { selection = new { topic = PaymentsTopic }, projection = CardsScript },
            right = new { selection = new { topic = PaymentsTopic }, projection = "({ $init: () => ({ cards: [] }) })" },
        });
        var changes = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").GetRawText();

        if (raw)
        {
            AssertRaw(changes, "compare");
        }
        else
        {
            AssertMasked(changes, "compare");
        }
    }

    [Fact]
    public async Task DryRunPreview_UserWithoutUnmask_IsMasked()
    {
        using var client = app.ClientFor(Operator);

        var run = await DeniedTopicReplayTests.RunAsync(client, new { selection = new { topic = PaymentsTopic }, publish = new { targetTopic = "shop.copy", dryRun = true } });

        AssertMasked(run.GetProperty("publish").GetRawText(), "dry-run preview");
    }

    [Fact]
    public async Task RealPublishOfAMaskedTopic_UserWithoutUnmask_Is403SayingWhy()
    {
        using var client = app.ClientFor(Publisher);

        var response = await client.PostAsJsonAsync("/api/replays", new { selection = new { }, publish = new { targetTopic = "shop.copy", dryRun = false } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"'{PaymentsTopic}', which have masking rules", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventDetail_RawViewOfAMaskedTopic_IsAudited()
    {
        using var raw = app.ClientFor(Unmasker);
        using var masked = app.ClientFor(Viewer);

        await masked.GetStringAsync("/api/events" + PaymentDetail);
        await raw.GetStringAsync($"/api/events/{OrdersTopic}/0/0");
        await raw.GetStringAsync("/api/events" + PaymentDetail);
        await raw.GetStringAsync("/events" + PaymentDetail);

        var views = app.Audit.Entries.Where(e => e.Action == AuditAction.UnmaskedView).ToList();
        Assert.True(views.Count >= 2, $"{views.Count} unmasked views recorded");
        Assert.All(views, v => Assert.Equal(("uma", $"{PaymentsTopic}/0/2"), (v.Actor, v.Target)));
    }

    private static void AssertMasked(string body, string what)
    {
        Assert.True(body.Contains(FakeMasker.MaskedValue, StringComparison.Ordinal), $"{what}: no masked value in {body}");
        Assert.False(body.Contains(FakeMasker.RawValue, StringComparison.Ordinal), $"{what}: the raw value is in the response");
    }

    private static void AssertRaw(string body, string what)
    {
        Assert.True(body.Contains(FakeMasker.RawValue, StringComparison.Ordinal), $"{what}: no raw value in {body[..Math.Min(body.Length, 2000)]}");
        Assert.False(body.Contains(FakeMasker.MaskedValue, StringComparison.Ordinal), $"{what}: a masked value is in the response");
    }
}
