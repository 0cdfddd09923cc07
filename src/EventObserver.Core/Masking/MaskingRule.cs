namespace EventObserver.Core.Masking;

/// <summary>
/// One rule of <c>EventObserver:Masking:Rules</c>: on topics matching <see cref="Topic"/>, exactly one of
/// <see cref="JsonPath"/>, <see cref="Header"/> or <see cref="Pattern"/> selects what <see cref="Action"/> applies to.
/// </summary>
public sealed class MaskingRule
{
    /// <summary>A regular expression over topic names (unanchored, like <c>Kafka:IncludeTopics</c>); empty: every topic.</summary>
    public string? Topic { get; set; }

    /// <summary>
    /// A JSON path into JSON payloads: <c>$.card.number</c>, <c>$.lines[0].sku</c>, <c>$.lines[*].price</c>,
    /// <c>$.card.*</c>, <c>$..cvv</c> (at any depth), <c>$['odd.name']</c>. Not applied to text or binary payloads.
    /// </summary>
    public string? JsonPath { get; set; }

    /// <summary>A header name, compared case-insensitively; every occurrence of a repeated header is masked.</summary>
    public string? Header { get; set; }

    /// <summary>
    /// A regular expression over text payloads and over the string values of JSON payloads (not their member names);
    /// each match is masked. Binary payloads are left alone. Runs without backtracking (linear time), so
    /// backreferences and lookarounds are refused.
    /// </summary>
    public string? Pattern { get; set; }

    public MaskingAction Action { get; set; } = MaskingAction.Mask;
}
