using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Conventions;

/// <summary>
/// How many messages of one type broke a rule. <see cref="ReadsAs"/> is what the type name's grammar says
/// (past tense → event, leading imperative verb → command, neither → message); null when there is no name to read.
/// </summary>
public sealed record ConventionTypeCount(string? Type, long Count, MessageKind? ReadsAs);
