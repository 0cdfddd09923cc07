using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using EventObserver.Access;
using EventObserver.Core.Selection;
using EventObserver.Features.Audit;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// The audit records of the Replay feature: a run started (its selection as a query string and its script's SHA-256),
/// a dry run or publish (target topic, how many events) started or refused, a projection version saved.
/// </summary>
public static class ReplayAudit
{
    /// <summary>The script's SHA-256 as lower-case hex: names exactly the code that ran without storing it.</summary>
    public static string ScriptHash(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
    }

    /// <summary>The selection as the query string the feed, <c>/api/events</c> and <c>/replay</c> read.</summary>
    public static string Selection(EventSelection selection)
    {
        var query = EventSelectionQuery.ToQuery(selection);
        return query.Length == 0 ? "(every event)" : "?" + query;
    }

    public static AuditEntry Started(ReplayRun run, ReplayRequest request)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var actor = request.Actor;
        if (request.Publish is { } publish)
        {
            return actor.Entry(publish.DryRun ? AuditAction.DryRun : AuditAction.Publish, publish.TargetTopic?.Trim(), string.Create(CultureInfo.InvariantCulture,
                $"run {run.Id}; {run.Total} events; selection {Selection(request.Selection)}{Rate(publish)}"));
        }

        var label = string.IsNullOrEmpty(request.Label) ? "" : $"; label {request.Label}";
        return actor.Entry(AuditAction.ReplayRun, run.Id, string.Create(CultureInfo.InvariantCulture,
            $"selection {Selection(request.Selection)}; script sha256 {ScriptHash(request.Script ?? "")}; {run.Total} events{label}"));
    }

    public static AuditEntry PublishRefused(ReplayRequest request, ReplayPublishRequest publish, string? reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(publish);
        return request.Actor.Entry(publish.DryRun ? AuditAction.DryRun : AuditAction.Publish, publish.TargetTopic?.Trim(),
            $"refused: {reason}; selection {Selection(request.Selection)}", succeeded: false);
    }

    public static AuditEntry Saved(AuditActor actor, string name, int version, string script)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Entry(AuditAction.ProjectionSaved, name, string.Create(CultureInfo.InvariantCulture,
            $"version {version}; script sha256 {ScriptHash(script)}"));
    }

    private static string Rate(ReplayPublishRequest publish) =>
        publish.RatePerSec is { } rate ? string.Create(CultureInfo.InvariantCulture, $"; {rate} events/s") : "";
}
