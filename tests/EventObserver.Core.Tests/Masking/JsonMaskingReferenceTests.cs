using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EventObserver.Core.Lineage;
using EventObserver.Core.Masking;
using static EventObserver.Core.Tests.Masking.MaskingEvents;

namespace EventObserver.Core.Tests.Masking;

/// <summary>
/// The streaming JSON masker against a plain recursive one over <see cref="JsonNode"/> (backtracking path match), on
/// random documents and rule sets: same result, always valid JSON.
/// </summary>
public sealed class JsonMaskingReferenceTests
{
    private static readonly string[] Names = ["a", "b", "x"];
    private static readonly string[] Paths = ["$.a", "$.a.b", "$..x", "$.*.x", "$..a[*]", "$.a[1]", "$..b.x", "$[*].a", "$..[0]", "$.*", "$..*.b"];

    [Fact]
    public void RandomDocumentsAndRules_MatchTheReference()
    {
        var random = new Random(20261202);
        for (var run = 0; run < 400; run++)
        {
            var document = RandomValue(random, depth: 0, forceContainer: true);
            var json = Render(document, random);
            var rules = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => Path(Paths[random.Next(Paths.Length)], random.Next(2) == 0 ? MaskingAction.Mask : MaskingAction.Remove))
                .ToArray();

            var masked = MaskJson(json, rules);

            var expected = JsonNode.Parse(json)!;
            Reference(expected, [], rules);
            Assert.True(
                JsonNode.DeepEquals(expected, JsonNode.Parse(masked)),
                $"run {run}: {json}{Environment.NewLine}rules {string.Join(", ", rules.Select(r => r.JsonPath + " " + r.Action))}" +
                $"{Environment.NewLine}got      {masked}{Environment.NewLine}expected {expected.ToJsonString()}");
        }
    }

    private static void Reference(JsonNode node, List<object> at, MaskingRule[] rules)
    {
        var children = node switch
        {
            JsonObject o => o.Select(p => (Segment: (object)p.Key, p.Value)).ToList(),
            JsonArray a => a.Select((v, i) => (Segment: (object)i, Value: v)).ToList(),
            _ => [],
        };
        var removed = new List<object>();
        foreach (var (segment, value) in children)
        {
            List<object> path = [.. at, segment];
            var rule = rules.FirstOrDefault(r => Matches(JsonPath.TryParse(r.JsonPath, allowWildcards: true)!.Steps, 0, path, 0));
            if (rule is null)
            {
                if (value is not null)
                {
                    Reference(value, path, rules);
                }
            }
            else if (rule.Action == MaskingAction.Remove)
            {
                removed.Add(segment);
            }
            else
            {
                Set(node, segment, JsonValue.Create("****"));
            }
        }

        foreach (var segment in Enumerable.Reverse(removed))
        {
            if (node is JsonObject o)
            {
                o.Remove((string)segment);
            }
            else
            {
                ((JsonArray)node).RemoveAt((int)segment);
            }
        }
    }

    private static void Set(JsonNode node, object segment, JsonNode value)
    {
        if (node is JsonObject o)
        {
            o[(string)segment] = value;
        }
        else
        {
            ((JsonArray)node)[(int)segment] = value;
        }
    }

    private static bool Matches(IReadOnlyList<JsonPathStep> steps, int i, List<object> path, int j)
    {
        if (i == steps.Count)
        {
            return j == path.Count;
        }

        if (j == path.Count)
        {
            return false;
        }

        var step = steps[i];
        var selects = (step.Kind, path[j]) switch
        {
            (JsonPathStepKind.Property, string name) => name == step.Name,
            (JsonPathStepKind.AnyProperty, string) => true,
            (JsonPathStepKind.Element, int index) => index == step.Index,
            (JsonPathStepKind.AnyElement, int) => true,
            _ => false,
        };
        return (selects && Matches(steps, i + 1, path, j + 1)) || (step.Descendant && Matches(steps, i, path, j + 1));
    }

    private static JsonNode? RandomValue(Random random, int depth, bool forceContainer = false)
    {
        var choice = forceContainer ? random.Next(2) : random.Next(depth >= 4 ? 2 : 4) + 2;
        switch (choice % 4)
        {
            case 0:
                var o = new JsonObject();
                foreach (var name in Names.Where(_ => random.Next(3) > 0))
                {
                    o[name] = RandomValue(random, depth + 1);
                }

                return o;
            case 1:
                var a = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    a.Add(RandomValue(random, depth + 1));
                }

                return a;
            case 2:
                return random.Next(3) == 0 ? null : JsonValue.Create(random.Next(100));
            default:
                return JsonValue.Create("s" + random.Next(100).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Compact or with random whitespace around tokens, so cuts are tested against both.</summary>
    private static string Render(JsonNode? node, Random random)
    {
        var compact = node?.ToJsonString() ?? "null";
        if (random.Next(2) == 0)
        {
            return compact;
        }

        var spaced = new StringBuilder();
        var inString = false;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[i];
            spaced.Append(c);
            if (c == '"' && (i == 0 || compact[i - 1] != '\\'))
            {
                inString = !inString;
            }

            if (!inString && c is ',' or ':' or '{' or '[' && random.Next(2) == 0)
            {
                spaced.Append(random.Next(2) == 0 ? " " : "\n  ");
            }
        }

        return spaced.ToString();
    }
}
