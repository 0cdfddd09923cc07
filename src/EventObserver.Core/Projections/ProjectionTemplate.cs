namespace EventObserver.Core.Projections;

/// <summary>A built-in projection a user can start from.</summary>
/// <param name="Name">Stable identifier (kebab-case), for URLs and saved definitions.</param>
public sealed record ProjectionTemplate(string Name, string Title, string Description, string Script);
