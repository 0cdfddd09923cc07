using System.Text;

namespace EventObserver.Features.Lineage;

/// <summary>
/// The name an exported graph is saved under. It carries the subject (an event position or a correlation id), which is
/// whatever the producing service wrote: only <c>[A-Za-z0-9._-]</c> survive (runs of anything else become one '-'),
/// cut to <see cref="MaxSubjectLength"/> characters, so no markup, path or control character reaches the browser's
/// download (issue 16: <c>lineage-&lt;img src=x onerror=…&gt;.svg</c>).
/// </summary>
public static class ExportFileName
{
    public const int MaxSubjectLength = 80;

    public static string ForSvg(string? subject) => $"lineage-{Safe(subject)}.svg";

    private static string Safe(string? subject)
    {
        var safe = new StringBuilder(Math.Min(subject?.Length ?? 0, MaxSubjectLength));
        foreach (var c in subject ?? "")
        {
            if (safe.Length == MaxSubjectLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                safe.Append(c);
            }
            else if (safe.Length > 0 && safe[^1] != '-')
            {
                safe.Append('-');
            }
        }

        var trimmed = safe.ToString().Trim('-', '.');
        return trimmed.Length == 0 ? "graph" : trimmed;
    }
}
