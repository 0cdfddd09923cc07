namespace EventObserver.Core.Conventions;

/// <summary>One naming or metadata convention a message can break. The order is the order the UI lists them in.</summary>
public enum ConventionRule
{
    /// <summary>An event whose type name does not read as past tense (<c>UpdateStock</c> instead of <c>StockUpdated</c>).</summary>
    EventNotPastTense = 0,

    /// <summary>A command whose type name does not start with an imperative verb (<c>StockRecount</c> instead of <c>RecountStock</c>).</summary>
    CommandNotImperative = 1,

    /// <summary>No type at all: nothing on the wire names what the message is.</summary>
    MissingType = 2,

    /// <summary>No correlation id: the message belongs to no conversation.</summary>
    MissingCorrelationId = 3,

    /// <summary>No causation id inside a conversation, on a message that does not start it.</summary>
    MissingCausationId = 4,
}
