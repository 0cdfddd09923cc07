using EventObserver.Core.Conventions;

namespace EventObserver.Features.Conventions;

/// <summary>How many of a source's messages broke <see cref="Rule"/>, the most frequent types among them and a few examples.</summary>
public sealed record ConventionFindingDto(
    ConventionRule Rule,
    long Count,
    int DistinctTypes,
    IReadOnlyList<ConventionTypeCountDto> Types,
    IReadOnlyList<ConventionExampleDto> Examples);
