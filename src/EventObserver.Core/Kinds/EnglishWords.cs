using System.Collections.Frozen;

namespace EventObserver.Core.Kinds;

/// <summary>
/// The small vocabulary behind kind grammar. All lookups are case-insensitive and allocation-free.
/// </summary>
internal static class EnglishWords
{
    /// <summary>Base-form verbs that start command names (PlaceOrder). Nouns that often start other names are left out.</summary>
    private static readonly FrozenSet<string> s_imperativeVerbs = Create(
        "Place", "Create", "Add", "Remove", "Update", "Delete", "Cancel", "Reserve", "Release", "Charge", "Ship", "Send",
        "Register", "Unregister", "Approve", "Reject", "Submit", "Start", "Stop", "Complete", "Assign", "Unassign", "Book",
        "Pay", "Refund", "Notify", "Confirm", "Process", "Calculate", "Recalculate", "Open", "Close", "Withdraw", "Deposit",
        "Transfer", "Accept", "Decline", "Activate", "Deactivate", "Reactivate", "Enable", "Disable", "Archive", "Unarchive",
        "Restore", "Publish", "Unpublish", "Schedule", "Reschedule", "Deliver", "Dispatch", "Return", "Request", "Issue",
        "Void", "Capture", "Authorize", "Authorise", "Authenticate", "Verify", "Validate", "Check", "Import", "Export",
        "Upload", "Download", "Sync", "Synchronize", "Generate", "Apply", "Change", "Set", "Reset", "Rename", "Move",
        "Merge", "Split", "Link", "Unlink", "Attach", "Detach", "Invite", "Join", "Leave", "Subscribe", "Unsubscribe",
        "Follow", "Unfollow", "Block", "Unblock", "Lock", "Unlock", "Suspend", "Resume", "Pause", "Retry", "Execute", "Run",
        "Trigger", "Invoke", "Mark", "Review", "Reply", "Post", "Edit", "Modify", "Adjust", "Increase", "Decrease",
        "Increment", "Decrement", "Allocate", "Deallocate", "Replenish", "Restock", "Pick", "Pack", "Prepare", "Fulfill",
        "Fulfil", "Debit", "Credit", "Settle", "Reconcile", "Collect", "Reimburse", "Compensate", "Rollback", "Revert",
        "Undo", "Redo", "Initiate", "Begin", "End", "Finish", "Finalize", "Finalise", "Terminate", "Abort", "Renew",
        "Extend", "Upgrade", "Downgrade", "Migrate", "Provision", "Deprovision", "Deploy", "Install", "Uninstall",
        "Configure", "Enroll", "Enrol", "Admit", "Discharge", "Hire", "Onboard", "Offboard", "Promote", "Demote", "Grant",
        "Revoke", "Deny", "Allow", "Permit", "Ban", "Unban", "Sign", "Save", "Store", "Track", "Measure", "Forward",
        "Route", "Reroute", "Redirect", "Assess", "Evaluate", "Estimate", "Buy", "Sell", "Purchase", "Rent", "Lease",
        "Exchange", "Swap", "Convert", "Rebuild", "Reindex", "Refresh", "Reload", "Recompute", "Repair", "Fix", "Resolve",
        "Escalate", "Dismiss", "Acknowledge", "Ack", "Nack", "Answer", "Ask", "Remind", "Alert", "Print", "Scan", "Clear",
        "Fill", "Refill", "Unload", "Seal", "Claim", "Redeem", "Earn", "Spend", "Recharge", "Enqueue", "Dequeue", "Push",
        "Emit", "Raise", "Connect", "Disconnect", "Reconnect", "Mute", "Unmute", "Hide", "Correct", "Amend", "Annul",
        "Evict", "Kick", "Refuse", "Withhold", "Hold", "Unhold", "Accrue", "Bump", "Tweak", "Handle", "Perform", "Do",
        "Make", "Take", "Give", "Put", "Cut", "Draw", "Write", "Build", "Reorder", "Expedite",
        "Record", "Quarantine", "Flush", "Purge", "Prune", "Clean", "Cleanup", "Notarize", "Commit", "Rebook", "Checkout");

    /// <summary>Verbs that start queries: a request for data, neither command nor event.</summary>
    private static readonly FrozenSet<string> s_queryVerbs = Create(
        "Get", "Find", "Fetch", "List", "Query", "Search", "Lookup", "Load", "Read", "View", "Show", "Retrieve", "Count",
        "Browse", "Select", "Describe");

    /// <summary>Past forms that do not end in -ed, and short -ed ones the length rule would miss.</summary>
    private static readonly FrozenSet<string> s_knownPast = Create(
        "Sent", "Paid", "Built", "Made", "Taken", "Given", "Chosen", "Held", "Sold", "Bought", "Lost", "Found", "Won",
        "Begun", "Done", "Written", "Drawn", "Frozen", "Hidden", "Broken", "Spent", "Withdrawn", "Forgotten", "Stolen",
        "Shown", "Known", "Thrown", "Grown", "Driven", "Ridden", "Eaten", "Fallen", "Shaken", "Woken", "Sworn", "Torn",
        "Worn", "Born", "Beaten", "Bitten", "Forgiven", "Overridden", "Rewritten", "Undone", "Gone", "Seen", "Been",
        "Flown", "Blown", "Spoken", "Sung", "Rung", "Sunk", "Drunk", "Shrunk", "Struck", "Stuck", "Spun", "Hung", "Dug",
        "Fought", "Caught", "Taught", "Thought", "Brought", "Sought", "Lent", "Bent", "Dealt", "Felt", "Kept", "Left",
        "Meant", "Slept", "Swept", "Wept", "Laid", "Said", "Told", "Ground", "Bound", "Wound", "Had", "Heard", "Met",
        "Fed", "Led", "Fled", "Sped", "Bled", "Bred", "Shot", "Got", "Gotten", "Forgot", "Lit", "Sat", "Stood",
        "Understood", "Withheld", "Upheld", "Overpaid", "Prepaid", "Repaid", "Underpaid", "Mislaid", "Mistaken",
        "Undertaken", "Overtaken", "Rewound", "Rebuilt", "Resent", "Resold", "Remade", "Retaken", "Redone", "Drove",
        "Rode", "Wrote", "Took", "Gave", "Chose", "Froze", "Broke", "Began", "Ran", "Came", "Became", "Went", "Saw", "Knew",
        "Threw", "Grew", "Flew", "Drew", "Spoke", "Stole", "Woke", "Wore", "Tore", "Swore", "Sang", "Sank", "Rang", "Swam",
        "Drank", "Shrank", "Used", "Owed", "Tied", "Died", "Lied", "Eyed", "Dyed", "Axed", "Agreed", "Freed",
        "Guaranteed", "Decreed", "Refereed", "Overseen", "Foreseen", "Outgrown", "Arisen", "Risen", "Awoken", "Forbidden",
        "Misunderstood", "Sewn", "Sown", "Shorn", "Slain", "Stridden", "Striven", "Proven", "Hewn", "Mown");

    /// <summary>Same form in present and past: past only when not the first word (<c>PriceSet</c> vs <c>SetPrice</c>).</summary>
    private static readonly FrozenSet<string> s_ambiguousPast = Create(
        "Set", "Reset", "Put", "Cut", "Let", "Shut", "Hit", "Quit", "Split", "Spread", "Cast", "Broadcast", "Forecast",
        "Cost", "Read", "Reread", "Misread", "Proofread", "Upset", "Bet", "Burst", "Hurt", "Rid", "Thrust",
        "Fit", "Offset", "Preset", "Input", "Output", "Outbid", "Bid", "Recast", "Typeset", "Undercut");

    /// <summary>Words ending in -ed that are not past tense (false friends).</summary>
    private static readonly FrozenSet<string> s_notPast = Create(
        "Red", "Bed", "Need", "Seed", "Feed", "Speed", "Shed", "Embed", "Breed", "Steed", "Weed", "Greed", "Deed", "Reed",
        "Bleed", "Proceed", "Succeed", "Exceed", "Hundred", "Kindred", "Sacred", "Naked", "Wicked", "Rugged", "Ragged",
        "Seabed", "Flatbed", "Hotbed", "Sickbed", "Bobsled", "Infrared", "Shred", "Thread", "Bread", "Ahead", "Instead",
        "Homestead", "Overhead", "Bloodshed", "Watershed", "Biped", "Sled", "Hatred", "Crooked", "Beloved",
        "Aged", "Unembed", "Airbed", "Roadbed", "Seaweed", "Tweed", "Creed");

    /// <summary>Words after a past participle in the middle of a name: <c>ItemAddedToCart</c>, <c>UserLoggedIn</c>.</summary>
    private static readonly FrozenSet<string> s_particles = Create(
        "To", "From", "For", "In", "On", "At", "By", "With", "Of", "Into", "Onto", "Out", "Off", "Up", "Down", "Back",
        "Over", "Via", "Again", "Successfully", "Automatically", "Manually", "Externally", "Partially", "Fully", "Late",
        "Early", "Twice", "Away", "Through", "After", "Before", "Due", "Because", "Without");

    /// <summary>Trailing words that say nothing about the kind: <c>OrderPlacedIntegrationEventV2</c>.</summary>
    private static readonly FrozenSet<string> s_noiseSuffixes = Create(
        "Event", "Events", "Command", "Commands", "Cmd", "Message", "Msg", "Integration", "Domain", "Dto", "Payload",
        "Envelope", "Record", "Data", "Json", "Avro", "Proto", "Async");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_imperativeLookup = Lookup(s_imperativeVerbs);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_queryLookup = Lookup(s_queryVerbs);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_knownPastLookup = Lookup(s_knownPast);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_ambiguousLookup = Lookup(s_ambiguousPast);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notPastLookup = Lookup(s_notPast);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_particleLookup = Lookup(s_particles);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_noiseLookup = Lookup(s_noiseSuffixes);

    private const int MinRegularPastLength = 5;

    public static bool IsImperativeVerb(ReadOnlySpan<char> word) => s_imperativeLookup.Contains(word);

    public static bool IsQueryVerb(ReadOnlySpan<char> word) => s_queryLookup.Contains(word);

    public static bool IsParticle(ReadOnlySpan<char> word) => s_particleLookup.Contains(word);

    /// <summary>Noise words and versions (<c>V2</c>, <c>2</c>) that end a name without meaning.</summary>
    public static bool IsNoiseSuffix(ReadOnlySpan<char> word) => s_noiseLookup.Contains(word) || IsVersion(word);

    public static bool IsVersion(ReadOnlySpan<char> word)
    {
        var digits = word.Length > 1 && (word[0] == 'v' || word[0] == 'V') ? word[1..] : word;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Past tense or past participle. <paramref name="isFirstWord"/> keeps <c>SetPrice</c> imperative.</summary>
    public static bool IsPastTense(ReadOnlySpan<char> word, bool isFirstWord)
    {
        if (s_ambiguousLookup.Contains(word))
        {
            return !isFirstWord;
        }

        if (s_knownPastLookup.Contains(word))
        {
            return true;
        }

        if (word.Length < MinRegularPastLength || s_notPastLookup.Contains(word) || !word.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // -eed and -ead are nouns or present tense (Proceed, Thread); the real past forms are in the known list.
        return !word.EndsWith("eed", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ead", StringComparison.OrdinalIgnoreCase);
    }

    private static FrozenSet<string> Create(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(FrozenSet<string> set) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>();
}
