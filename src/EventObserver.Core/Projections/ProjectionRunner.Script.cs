using Acornima;

namespace EventObserver.Core.Projections;

/// <summary>Preparing the script's source.</summary>
public sealed partial class ProjectionRunner
{
    /// <summary>The source to evaluate: a bare object literal made an expression, template literals guarded; null when too deep.</summary>
    private static string? PrepareSource(string script, bool strict) => TemplateLiteralRewriter.Rewrite(Normalize(script, strict), strict);

    private static string Normalize(string script, bool strict)
    {
        // A bare object literal at the start of a script parses as a block; try it as an expression first.
        if (script.AsSpan().TrimStart().StartsWith("{"))
        {
            var wrapped = "(" + script + "\n)";
            if (Parses(wrapped, strict))
            {
                return wrapped;
            }
        }

        new Parser().ParseScript(script, null, strict);
        return script;
    }

    private static bool Parses(string script, bool strict)
    {
        try
        {
            new Parser().ParseScript(script, null, strict);
            return true;
        }
        catch (ParseErrorException)
        {
            return false;
        }
    }
}
