namespace EventObserver.Core.Masking;

/// <summary>What a masking rule does to the value it selects.</summary>
public enum MaskingAction
{
    /// <summary>The value becomes the string <c>****</c> (numbers, objects and arrays too).</summary>
    Mask,

    /// <summary>The JSON member, array element or header is removed; a pattern's match is cut out of the text.</summary>
    Remove,

    /// <summary>
    /// The value becomes <c>sha256:</c> + the lower-case hex HMAC-SHA-256 of its UTF-8 bytes keyed with
    /// <c>Masking:HashSalt</c>: equal values give equal hashes, so events still join on them.
    /// </summary>
    Hash,

    /// <summary><c>****</c> followed by the value's last four characters; values shorter than eight characters are masked whole.</summary>
    KeepLast4,
}
