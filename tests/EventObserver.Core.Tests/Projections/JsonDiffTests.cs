using System.Text.Json.Nodes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

public sealed class JsonDiffTests
{
    private static IReadOnlyList<JsonChange> Diff(string before, string after) => JsonDiff.Compare(JsonNode.Parse(before), JsonNode.Parse(after));

    private static string Describe(IEnumerable<JsonChange> changes) =>
        string.Join(" | ", changes.Select(c => $"{c.Change} {c.Path} {c.Before?.ToJsonString() ?? "-"} -> {c.After?.ToJsonString() ?? "-"}"));

    [Fact]
    public void Compare_EqualDocuments_HasNoChanges()
    {
        Assert.Empty(Diff("""{"a":[1,{"b":null}],"c":"x"}""", """{"c":"x","a":[1,{"b":null}]}"""));
    }

    [Fact]
    public void Compare_NestedChanges_ListsDeepestPathsInNameOrder()
    {
        var changes = Diff("""{"z":1,"a":{"keep":true,"old":2,"n":1}}""", """{"a":{"keep":true,"n":2,"new":[3]},"z":1,"b":"added"}""");

        Assert.Equal("Changed /a/n 1 -> 2 | Added /a/new - -> [3] | Removed /a/old 2 -> - | Added /b - -> \"added\"", Describe(changes));
    }

    [Fact]
    public void Compare_ArraysGrowAndShrink_ReportsIndexes()
    {
        Assert.Equal("Changed /1 2 -> 5 | Added /3 - -> 4", Describe(Diff("[1,2,3]", "[1,5,3,4]")));
        Assert.Equal("Removed /1 2 -> -", Describe(Diff("[1,2]", "[1]")));
    }

    [Fact]
    public void Compare_TypeChange_IsOneChangeAtThatPath()
    {
        Assert.Equal("""Changed /a {"x":1} -> [1]""", Describe(Diff("""{"a":{"x":1}}""", """{"a":[1]}""")));
        Assert.Equal("""Changed /a - -> "1" """.TrimEnd(), Describe(Diff("""{"a":null}""", """{"a":"1"}""")));
    }

    [Fact]
    public void Compare_NullRoots_AreHandled()
    {
        Assert.Empty(JsonDiff.Compare(null, null));
        Assert.Equal(JsonChangeKind.Changed, JsonDiff.Compare(null, JsonNode.Parse("{}")).Single().Change);
        Assert.Equal("", JsonDiff.Compare(JsonNode.Parse("1"), JsonNode.Parse("2")).Single().Path);
    }

    [Fact]
    public void Compare_NamesWithSlashOrTilde_AreEscapedAsJsonPointer()
    {
        Assert.Equal("/a~1b/c~0d", Diff("""{"a/b":{"c~d":1}}""", """{"a/b":{"c~d":2}}""").Single().Path);
    }

    [Fact]
    public void Compare_MaxChanges_StopsEarly()
    {
        Assert.Equal(2, JsonDiff.Compare(JsonNode.Parse("[]"), JsonNode.Parse("[1,2,3,4]"), maxChanges: 2).Count);
    }

    [Fact]
    public void Compare_ReturnsCopies_NotNodesOfTheInputs()
    {
        var after = JsonNode.Parse("""{"a":{"x":1}}""");

        var change = JsonDiff.Compare(JsonNode.Parse("{}"), after).Single();
        after!["a"]!["x"] = 2;

        Assert.Equal(1, change.After!["x"]!.GetValue<int>());
    }

    [Fact]
    public void Compare_ProjectionStatesAfterAStep_HighlightsTheChange()
    {
        var runner = TestEvents.Runner(ProjectionTemplates.OrderLifecycle.Script);
        var events = DemoOrderEvents.Orders(1);
        runner.Apply(events[0]);
        var before = runner.GetState();

        runner.Apply(events[1]);
        var changes = JsonDiff.Compare(before, runner.GetState());

        Assert.Contains(changes, c => c.Path == "/ord-0000/status" && c.Before!.GetValue<string>() == "requested" && c.After!.GetValue<string>() == "placed");
        Assert.Contains(changes, c => c.Path == "/ord-0000/history/1" && c.Change == JsonChangeKind.Added);
    }
}
