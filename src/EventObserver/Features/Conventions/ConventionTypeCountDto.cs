using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Conventions;

/// <summary>A type among a rule's violations: null <see cref="Type"/> for messages with none; <see cref="ReadsAs"/> for naming rules only.</summary>
public sealed record ConventionTypeCountDto(string? Type, long Count, MessageKind? ReadsAs);
