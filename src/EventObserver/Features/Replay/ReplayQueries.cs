using EventObserver.Access;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Audit;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Replay;
using EventObserver.Shared;
using EventObserver.Storage.Projections;

namespace EventObserver.Features.Replay;

/// <summary>
/// The Replay feature's reads, for the replay page and <c>/api/replays</c> and <c>/api/projections</c> alike: what a
/// selection holds (from the index, through <see cref="IndexReads"/>), the saved projections and the publish log. Saving
/// a version is here too, so the page's editor and the API reach the projection library through one seam. Runs
/// themselves live in <see cref="ReplayRunManager"/>.
/// </summary>
/// <remarks>
/// The library is a small file of its own (<see cref="ProjectionStore"/>), not the index: a read is one lookup under
/// the store's lock, so its tasks complete on the caller's thread and a page has its lists at its first render.
/// </remarks>
public sealed class ReplayQueries(IndexReads reads, ProjectionStore store, TimeProvider time, IAuditLog audit)
{
    public const int MaxNameLength = ProjectionStore.MaxNameLength;
    public const int MaxScriptLength = ProjectionStore.MaxScriptLength;

    // Dead letters name their original topic in headers; the first events of a selection are enough to propose it.
    private const int RedriveSample = 1000;

    // Publish records scanned to fill a restricted user's page of the log.
    private const int MaxPublishesScanned = 1000;

    /// <summary>
    /// How many events <paramref name="selection"/> holds now (exactly, before and after its limit) of the topics
    /// <paramref name="access"/> may read and, for dead letters, the topic their headers say they came from. The caller
    /// refuses a selection naming a denied topic first (<see cref="Access.Enforcement.SelectionAccess"/>).
    /// </summary>
    public Task<IndexRead<ReplaySelectionSummary>> CountAsync(EventSelection selection, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return reads.RunAsync(access, index => Summarize(ResolvedSelection.Resolve(index, selection)) switch
        {
            // Proposing a target the user could not publish to helps no one (it comes from the events' headers).
            { ProposedRedriveTopic: { } proposed } summary when !access.CanRead(proposed) => summary with { ProposedRedriveTopic = null },
            var summary => summary,
        }, cancellationToken);
    }

    /// <summary>The latest version of every saved projection, by name.</summary>
    public Task<IReadOnlyList<ProjectionDefinition>> ListProjectionsAsync(CancellationToken cancellationToken) =>
        RunHere(() => store.List(), cancellationToken);

    /// <summary>Every version of <paramref name="name"/>, newest first; empty when never saved.</summary>
    public Task<IReadOnlyList<ProjectionDefinition>> ProjectionVersionsAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RunHere(() => store.Versions(name), cancellationToken);
    }

    /// <summary>Every saved version of every name: by name, each name's newest first.</summary>
    public Task<IReadOnlyList<ProjectionDefinition>> ListAllVersionsAsync(CancellationToken cancellationToken) =>
        RunHere<IReadOnlyList<ProjectionDefinition>>(() => [.. store.List().SelectMany(d => store.Versions(d.Name))], cancellationToken);

    /// <summary>One saved version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    public Task<ProjectionDefinition?> GetProjectionAsync(string name, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RunHere(() => store.Get(name, version), cancellationToken);
    }

    /// <summary>
    /// Why <paramref name="script"/> may not be saved, or null when it compiles: only compiling scripts are saved (the
    /// page's Save and <c>POST /api/projections</c> both ask here first), so a saved projection always starts.
    /// </summary>
    public static ProjectionError? CompileError(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var compiled = ProjectionRunner.Create(script);
        if (!compiled.Succeeded)
        {
            return compiled.Error;
        }

        compiled.Runner.Dispose();
        return null;
    }

    /// <summary>
    /// Saves <paramref name="script"/> as the next version of <paramref name="name"/> (the latest one when nothing
    /// changed); the caller checks the lengths (<see cref="MaxNameLength"/>, <see cref="MaxScriptLength"/>) and that it
    /// compiles (<see cref="CompileError"/>). The audit log
    /// records the save with <paramref name="actor"/>.
    /// </summary>
    public Task<ProjectionDefinition> SaveProjectionAsync(string name, string script, string? description, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RunHere(() =>
        {
            var saved = store.Save(name, script, description, time.GetUtcNow());
            audit.Record(ReplayAudit.Saved(actor, saved.Name, saved.Version, script));
            return saved;
        }, cancellationToken);
    }

    /// <summary>
    /// The newest publishes and dry runs first, at most <paramref name="limit"/>; for a user restricted to some topics,
    /// only those whose target and source topics they may all read (a record naming no source topic yet is left out).
    /// </summary>
    public Task<IReadOnlyList<PublishRecord>> ListPublishesAsync(int limit, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Topics.IsUnrestricted
            ? RunHere(() => store.ListPublishes(limit), cancellationToken)
            : RunHere<IReadOnlyList<PublishRecord>>(
                () => [.. store.ListPublishes(Math.Max(limit, MaxPublishesScanned)).Where(r => Readable(r, access)).Take(limit)],
                cancellationToken);
    }

    private static bool Readable(PublishRecord record, UserAccess access) =>
        access.CanRead(record.TargetTopic) && record.SourceTopics.Count > 0 && record.SourceTopics.All(access.CanRead);

    private static ReplaySelectionSummary Summarize(ResolvedSelection resolved) =>
        new(resolved.Total, resolved.Matching, ReplayMessages.ProposeRedriveTopic(resolved.Read().Take(RedriveSample)));

    private static Task<T> RunHere<T>(Func<T> run, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(run());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Task.FromException<T>(ex);
        }
    }
}
