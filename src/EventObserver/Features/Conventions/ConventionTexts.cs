using EventObserver.Core.Conventions;
using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Conventions;

/// <summary>What the panel says about each rule, in the product's vocabulary.</summary>
public static class ConventionTexts
{
    public static string Label(ConventionRule rule) => rule switch
    {
        ConventionRule.EventNotPastTense => "Events not named in the past tense",
        ConventionRule.CommandNotImperative => "Commands not named in the imperative",
        ConventionRule.MissingType => "Messages without a type",
        ConventionRule.MissingCorrelationId => "Messages without a correlation id",
        ConventionRule.MissingCausationId => "Messages without a causation id",
        _ => rule.ToString(),
    };

    public static string Hint(ConventionRule rule) => rule switch
    {
        ConventionRule.EventNotPastTense => "An event states a fact that happened: OrderPlaced, not PlaceOrder or OrderEvent.",
        ConventionRule.CommandNotImperative => "A command asks for an action: PlaceOrder, not OrderPlacement or OrderPlaced.",
        ConventionRule.MissingType => "Nothing in the headers or the body names what the message is.",
        ConventionRule.MissingCorrelationId => "The message belongs to no conversation, so it cannot be grouped with what caused it.",
        ConventionRule.MissingCausationId => "Inside a conversation, but it does not name the message that caused it. The message that starts a conversation is not counted here.",
        _ => "",
    };

    /// <summary>Naming rules list their distinct types; id rules list messages.</summary>
    public static bool IsNaming(ConventionRule rule) => rule is ConventionRule.EventNotPastTense or ConventionRule.CommandNotImperative;

    public static string ReadsAs(MessageKind? kind) => kind switch
    {
        MessageKind.Event => "reads as an event",
        MessageKind.Command => "reads as a command",
        MessageKind.Message => "no tense or verb recognised",
        _ => "",
    };

    public const string Explanation =
        "Kinds come from a kind header, the topic name or the type name. Names are judged with a built-in English vocabulary: "
        + "an event should read as past tense (OrderPlaced), a command should start with an imperative verb (PlaceOrder). "
        + "Causation ids are checked inside conversations only: the first message of a correlation in the window (or one whose "
        + "message id is the correlation id) starts the conversation and has no cause to name, so it counts as a start, not a "
        + "violation; a conversation that began before the window has its first message here counted as its start. "
        + "Messages without a correlation id are counted under that rule only. Tombstones are skipped.";
}
