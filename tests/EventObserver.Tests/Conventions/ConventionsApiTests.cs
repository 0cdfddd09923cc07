using System.Net;
using System.Text.Json;

using EventObserver.Access;
using EventObserver.Core.Conventions;
using EventObserver.Core.Selection;
using EventObserver.Features.Conventions;
using EventObserver.Shared;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Conventions;

public sealed class ConventionsApiTests(ConventionsFixture fixture) : IClassFixture<ConventionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Conventions_LastHour_CountsEachRulePerSource()
    {
        var body = await GetAsync("/api/conventions?window=1h");

        Assert.Equal("1h", body.GetProperty("window").GetString());
        Assert.Equal(ConventionsFixture.InLastHour, body.GetProperty("inWindow").GetInt64());
        Assert.Equal(ConventionsFixture.InLastHour, body.GetProperty("read").GetInt64());
        Assert.False(body.GetProperty("capped").GetBoolean());
        Assert.Equal((8L, 1L), (body.GetProperty("checked").GetInt64(), body.GetProperty("tombstones").GetInt64()));
        var sources = Sources(body);
        Assert.Equal(
            [ConventionsFixture.Warehouse, ConventionsFixture.AuditTopic, ConventionsFixture.Shipping, ConventionsFixture.Orders],
            sources.Keys);
        Assert.Equal(
            (3L, 3L, 2L, 1L, 2L, 1L, 0L),
            (Long(sources[ConventionsFixture.Warehouse], "checked"), Long(sources[ConventionsFixture.Warehouse], "flagged"),
             Count(sources[ConventionsFixture.Warehouse], "EventNotPastTense"), Count(sources[ConventionsFixture.Warehouse], "CommandNotImperative"),
             Count(sources[ConventionsFixture.Warehouse], "MissingCorrelationId"), Long(sources[ConventionsFixture.Warehouse], "conversationStarts"),
             Count(sources[ConventionsFixture.Warehouse], "MissingCausationId")));
        var audit = sources[ConventionsFixture.AuditTopic];
        Assert.True(audit.GetProperty("isTopic").GetBoolean());
        Assert.Equal((2L, 2L), (Count(audit, "MissingType"), Count(audit, "MissingCorrelationId")));
        Assert.Equal(1, Count(sources[ConventionsFixture.Shipping], "MissingCausationId"));
        Assert.Equal((0L, 1L), (Long(sources[ConventionsFixture.Orders], "flagged"), Long(sources[ConventionsFixture.Orders], "conversationStarts")));
    }

    [Fact]
    public async Task Conventions_NamingFinding_ListsDistinctTypesWithWhatTheyReadAsAndLinkableExamples()
    {
        var body = await GetAsync("/api/conventions?window=1h");

        var finding = Finding(Sources(body)[ConventionsFixture.Warehouse], "EventNotPastTense");
        var type = Assert.Single(finding.GetProperty("types").EnumerateArray());
        Assert.Equal(("UpdateStockLevel", 2L, "Command"), (type.GetProperty("type").GetString(), type.GetProperty("count").GetInt64(), type.GetProperty("readsAs").GetString()));
        var examples = finding.GetProperty("examples").EnumerateArray().ToList();
        Assert.Equal(["inventory.events/0/1", "inventory.events/0/0"], examples.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(("inventory.events", 0, 1L), (examples[0].GetProperty("topic").GetString(), examples[0].GetProperty("partition").GetInt32(), examples[0].GetProperty("offset").GetInt64()));
        Assert.True(examples[0].GetProperty("timestamp").GetDateTimeOffset() > examples[1].GetProperty("timestamp").GetDateTimeOffset());

        var detail = await _client.GetAsync($"/api/events/{examples[0].GetProperty("topic").GetString()}/0/1");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
    }

    [Fact]
    public async Task Conventions_WindowChoice_DecidesWhatIsRead()
    {
        var quarter = await GetAsync("/api/conventions?window=15m");
        var day = await GetAsync("/api/conventions?window=24H");
        var byDefault = await GetAsync("/api/conventions");

        Assert.Equal(5, quarter.GetProperty("read").GetInt64());
        Assert.DoesNotContain(ConventionsFixture.Shipping, Sources(quarter).Keys);
        Assert.Equal(ConventionsFixture.InLastHour + 1, day.GetProperty("read").GetInt64());
        Assert.Equal(1, Count(Sources(day)[ConventionsFixture.OldTopic], "EventNotPastTense"));
        Assert.Equal(("1h", ConventionsFixture.InLastHour), (byDefault.GetProperty("window").GetString(), byDefault.GetProperty("read").GetInt64()));
    }

    [Theory]
    [InlineData("2h")]
    [InlineData("forever")]
    [InlineData("-1")]
    public async Task Conventions_UnknownWindow_Is400NamingTheChoices(string window)
    {
        var response = await _client.GetAsync($"/api/conventions?window={window}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("window").EnumerateArray()).GetString();
        Assert.Contains("15m, 1h, 24h", message);
    }

    [Fact]
    public async Task Read_MoreInTheWindowThanTheCap_ReadsOnlyTheNewestAndSaysSo()
    {
        var reads = fixture.Factory.Services.GetRequiredService<IndexReads>();
        var conventions = new ConventionQueries(reads, new FixedTime(fixture.Now), maxEvents: 4);

        var snapshot = (await conventions.ReadAsync(TimeWindow.OneHour, UserAccess.System, CancellationToken.None)).Value!;

        Assert.True(snapshot.Capped);
        Assert.Equal(ConventionsFixture.InLastHour, snapshot.InWindow);
        Assert.InRange(snapshot.Read, 1, 4);
        Assert.True(snapshot.ReadFrom > snapshot.From);
        Assert.True(snapshot.Report.First >= snapshot.ReadFrom);
        Assert.DoesNotContain(snapshot.Report.Sources, s => s.Source == ConventionsFixture.Shipping);
    }

    [Fact]
    public async Task Read_FewerThanTheCap_ReadsTheWholeWindow()
    {
        var reads = fixture.Factory.Services.GetRequiredService<IndexReads>();
        var conventions = new ConventionQueries(reads, new FixedTime(fixture.Now), maxEvents: ConventionsFixture.InLastHour);

        var snapshot = (await conventions.ReadAsync(TimeWindow.OneHour, UserAccess.System, CancellationToken.None)).Value!;

        Assert.False(snapshot.Capped);
        Assert.Equal((snapshot.From, (long)ConventionsFixture.InLastHour), (snapshot.ReadFrom, snapshot.Read));
        Assert.Equal(1, snapshot.Report.Count(ConventionRule.MissingCausationId));
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static Dictionary<string, JsonElement> Sources(JsonElement body) =>
        body.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);

    private static JsonElement Finding(JsonElement source, string rule) =>
        source.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == rule);

    private static long Count(JsonElement source, string rule) => Finding(source, rule).GetProperty("count").GetInt64();

    private static long Long(JsonElement element, string name) => element.GetProperty(name).GetInt64();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
