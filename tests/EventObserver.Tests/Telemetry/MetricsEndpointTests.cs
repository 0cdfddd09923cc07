using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventObserver.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> of the real app after it ingested from a mock cluster: the documented names carry the counts, and
/// the Grafana dashboard and docs/metrics.md name only metrics a real scrape has.
/// </summary>
public sealed partial class MetricsEndpointTests(MetricsAppFixture fixture) : IClassFixture<MetricsAppFixture>
{
    // Words of PromQL that are not metric names (functions are recognised by their parenthesis).
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset" };

    [Fact]
    public async Task Scrape_AfterIngestingNEvents_ShowsNIndexedAndConsumedForThatTopic()
    {
        var scrape = await fixture.ScrapeAsync();

        Assert.Equal(MetricsAppFixture.JsonEvents, scrape.Sum(MetricNames.EventsIndexed, $"topic=\"{fixture.Topic}\""));
        Assert.Equal(MetricsAppFixture.JsonEvents, scrape.Sum(MetricNames.EventsConsumed, $"topic=\"{fixture.Topic}\""));
    }

    [Fact]
    public async Task Scrape_FramedValuesWithoutARegistry_AreCountedAsDecodeFailuresByStatus()
    {
        var scrape = await fixture.ScrapeAsync();

        // Other tests of this process may decode too (the counter is process-wide): at least this fixture's three.
        Assert.InRange(scrape.Sum(MetricNames.DecodeFailures, "status=\"SchemaUnavailable\""), MetricsAppFixture.FramedEvents, double.MaxValue);
        Assert.Equal(0, scrape.Sum(MetricNames.DecodeFailures, "status=\"Decoded\""));
    }

    [Fact]
    public async Task Scrape_ConsumerLag_HasOneSeriesPerPartition()
    {
        var scrape = await fixture.ScrapeAsync();

        var partitions = scrape.Samples
            .Where(s => s.Name == "eventobserver_ingestion_consumer_lag" && s.Labels.Contains($"topic=\"{fixture.Topic}\"", StringComparison.Ordinal))
            .Select(s => Regex.Match(s.Labels, "partition=\"(\\d+)\"").Groups[1].Value)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["0", "1"], partitions);
    }

    [Fact]
    public async Task Scrape_ConsumerGroupBehind_LagPerPartitionAndTimeLagPerTopic()
    {
        var scrape = await fixture.ScrapeAsync();

        var group = $"group=\"{fixture.GroupId}\"";
        var partitions = scrape.Samples
            .Where(s => s.Name == MetricNames.GroupLag && s.Labels.Contains(group, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, partitions.Count);
        Assert.Equal(MetricsAppFixture.JsonEvents - (2 * MetricsAppFixture.GroupCommitted), partitions.Sum(s => s.Value));
        Assert.InRange(scrape.Sum(MetricNames.GroupTimeLag, group), 0, 3600);
        Assert.Contains("eventobserver_groups_refresh_duration_seconds", scrape.Names);
        Assert.Equal(0, Assert.Single(scrape.Samples, s => s.Name == "eventobserver_groups_errors").Value);
    }

    [Fact]
    public async Task GrafanaDashboard_EveryMetricItQueries_IsInARealScrape()
    {
        var names = DashboardMetricNames(await File.ReadAllTextAsync(RepositoryFile("docs", "grafana-dashboard.json")));
        var scrape = await fixture.ScrapeAsync();

        // A dashboard of today's panels names these at least; an empty extraction would prove nothing.
        Assert.Contains(MetricNames.EventsIndexed, names);
        Assert.Contains("eventobserver_ingestion_batch_commit_duration_seconds_bucket", names);
        Assert.True(names.Count >= 15, $"only {names.Count} metric names found in the dashboard: {string.Join(", ", names)}");
        Assert.Empty(names.Except(scrape.Names));
    }

    [Fact]
    public async Task MetricsDoc_EveryEventObserverMetricOfARealScrape_IsDocumented()
    {
        var doc = await File.ReadAllTextAsync(RepositoryFile("docs", "metrics.md"));
        var scrape = await fixture.ScrapeAsync();

        var families = scrape.Names.Where(n => n.StartsWith("eventobserver_", StringComparison.Ordinal))
            .Select(n => HistogramSeries().Replace(n, "")).Distinct().ToList();

        Assert.True(families.Count >= 12, $"only {families.Count} families scraped");
        Assert.DoesNotContain(families, f => !doc.Contains($"`{f}", StringComparison.Ordinal));
    }

    [Fact]
    public void DashboardMetricNames_ExpressionWithFunctionsLabelsAndRanges_FindsOnlyTheMetrics()
    {
        const string Dashboard = """
            {"panels":[{"targets":[{"expr":"histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket{topic=~\"$topic\"}[$__rate_interval]))) / on (x) b_total"}]}],
             "templating":{"list":[{"query":{"query":"label_values(c_total, topic)"}}]}}
            """;

        Assert.Equal(["a_seconds_bucket", "b_total", "c_total"], DashboardMetricNames(Dashboard).Order(StringComparer.Ordinal));
    }

    /// <summary>Metric names in every <c>expr</c> and variable query of a Grafana dashboard.</summary>
    private static HashSet<string> DashboardMetricNames(string json)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in Queries(JsonDocument.Parse(json).RootElement))
        {
            // Drop label matchers, ranges, grouping clauses and strings; what remains are functions, numbers and metrics.
            var bare = Ranges().Replace(LabelMatchers().Replace(LabelValuesLabel().Replace(query, "$1)"), ""), "");
            bare = Grouping().Replace(bare, "");
            foreach (Match token in Identifiers().Matches(bare))
            {
                var followedByParenthesis = bare[(token.Index + token.Length)..].TrimStart().StartsWith('(');
                if (!followedByParenthesis && !Keywords.Contains(token.Value) && !token.Value.StartsWith('$'))
                {
                    names.Add(token.Value);
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> Queries(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "expr" or "query" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }
                else
                {
                    foreach (var inner in Queries(property.Value))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(Queries))
            {
                yield return inner;
            }
        }
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EventObserver.sln")))
            {
                return Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("EventObserver.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    // label_values(metric, label): the label is not a metric.
    [GeneratedRegex(@"(label_values\s*\([^,)]*),[^)]*\)")]
    private static partial Regex LabelValuesLabel();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\$?[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifiers();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSeries();
}
