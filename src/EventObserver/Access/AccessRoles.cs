namespace EventObserver.Access;

/// <summary>
/// The roles a user can hold (configuration maps an identity provider's groups to them with <c>Auth:Roles:&lt;Role&gt;</c>).
/// A higher role includes the ones below it: Admin ⊃ Publisher ⊃ Operator ⊃ Viewer. <see cref="Unmask"/> stands
/// alone: it only lifts masking.
/// </summary>
public static class AccessRoles
{
    /// <summary>Feed, event detail, lineage, flows, conventions, topics, the read API and the hub.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Runs and saves projections, dry runs.</summary>
    public const string Operator = "Operator";

    /// <summary>Real re-publish to Kafka (still behind <c>Replay:AllowPublish</c> and its allow-list).</summary>
    public const string Publisher = "Publisher";

    /// <summary>The audit log and every topic.</summary>
    public const string Admin = "Admin";

    /// <summary>Sees raw values where masking rules apply.</summary>
    public const string Unmask = "Unmask";

    /// <summary>Every role, in ascending order of rights (Unmask last).</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Publisher, Admin, Unmask];

    /// <summary>The roles a held role implies (itself included): Admin → Publisher → Operator → Viewer.</summary>
    public static IReadOnlyList<string> Implied(string role) => role switch
    {
        Admin => [Admin, Publisher, Operator, Viewer],
        Publisher => [Publisher, Operator, Viewer],
        Operator => [Operator, Viewer],
        Viewer => [Viewer],
        Unmask => [Unmask],
        _ => [],
    };
}
