namespace EventObserver.Core.Masking;

/// <summary>
/// <c>EventObserver:Masking</c>: rules applied to events before they leave the server for users without the
/// <c>Unmask</c> role, and with <see cref="AtIngest"/> before they are written to the index.
/// </summary>
public sealed class MaskingOptions
{
    /// <summary>Most rules one configuration may hold.</summary>
    public const int MaxRules = 64;

    /// <summary>Shortest <see cref="HashSalt"/> accepted: a short salt lets anyone who knows it hash guesses.</summary>
    public const int MinHashSaltLength = 16;

    public List<MaskingRule> Rules { get; set; } = [];

    /// <summary>
    /// Mask every event after decoding and before the index write, so raw values never reach the disk (nor the live
    /// feed). Nobody can see those values afterwards, Admin and Unmask included, and a re-publish sends the masked bytes.
    /// </summary>
    public bool AtIngest { get; set; }

    /// <summary>
    /// The secret key of <see cref="MaskingAction.Hash"/> (required when a rule hashes; at least
    /// <see cref="MinHashSaltLength"/> characters). Keep it stable: another salt gives other hashes.
    /// </summary>
    public string? HashSalt { get; set; }
}
