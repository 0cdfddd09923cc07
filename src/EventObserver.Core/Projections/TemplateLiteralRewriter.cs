using System.Text;
using Acornima;
using Acornima.Ast;

namespace EventObserver.Core.Projections;

/// <summary>
/// Rewrites every untagged template literal with two or more substitutions, <c>`a${x}b${y}c`</c>, into a call of the
/// sandbox's guarded helper, <c>__eventObserverTemplate(`a`, (x), `b`, (y), `c`)</c>. Jint builds a template literal in
/// one step with no memory check, so sixty substitutions of one 16 MB string allocated gigabytes; the helper counts
/// the length first (see <see cref="SandboxStringGuards"/>). One substitution copies one existing string, which the
/// per-call limit already bounds, so those stay native and fast. Each literal part keeps its raw text inside a
/// template of its own, so escapes and line breaks mean the same and error lines stay where they were.
/// </summary>
internal static class TemplateLiteralRewriter
{
    public const int MaxNesting = 64;

    /// <summary>The rewritten source; null when templates are nested deeper than <see cref="MaxNesting"/>.</summary>
    public static string? Rewrite(string source, bool strict)
    {
        var script = new Parser().ParseScript(source, null, strict);
        var targets = Collect(script);
        if (targets.Count == 0)
        {
            return source;
        }

        var output = new StringBuilder(source.Length + targets.Count * 48);
        var next = 0;
        return Emit(source, 0, source.Length, targets, ref next, output, 0) ? output.ToString() : null;
    }

    private static List<TemplateLiteral> Collect(Node root)
    {
        var templates = new List<TemplateLiteral>();
        var tagged = new HashSet<TemplateLiteral>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case TaggedTemplateExpression tag:
                    tagged.Add(tag.Quasi);
                    break;
                case TemplateLiteral { Expressions.Count: >= 2 } template:
                    templates.Add(template);
                    break;
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        templates.RemoveAll(tagged.Contains);
        templates.Sort((a, b) => a.Start.CompareTo(b.Start));
        return templates;
    }

    /// <summary>Copies <c>[from, to)</c>, rewriting the templates that start inside it (nested ones through their substitutions).</summary>
    private static bool Emit(string source, int from, int to, List<TemplateLiteral> targets, ref int next, StringBuilder output, int depth)
    {
        if (depth > MaxNesting)
        {
            return false;
        }

        var position = from;
        while (next < targets.Count && targets[next].Start < to)
        {
            var template = targets[next++];
            output.Append(source, position, template.Start - position).Append(SandboxStringGuards.TemplateFunction).Append('(');
            var quasis = template.Quasis;
            var expressions = template.Expressions;
            for (var i = 0; i < quasis.Count; i++)
            {
                output.Append(i == 0 ? "`" : ", `").Append(quasis[i].Value.Raw).Append('`');
                if (i < expressions.Count)
                {
                    output.Append(", (");
                    if (!Emit(source, expressions[i].Start, expressions[i].End, targets, ref next, output, depth + 1))
                    {
                        return false;
                    }

                    output.Append(')');
                }
            }

            output.Append(')');
            position = template.End;
        }

        output.Append(source, position, to - position);
        return true;
    }
}
