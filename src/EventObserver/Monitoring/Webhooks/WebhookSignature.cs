using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// The signature a receiver checks when its webhook has a <c>Secret</c>: HMAC-SHA256 over <c>{timestamp}.{body}</c>.
/// The timestamp is inside the signed bytes so a captured request cannot be replayed later with a new timestamp;
/// receivers should also refuse timestamps more than a few minutes old.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-EventObserver-Signature";

    public const string TimestampHeader = "X-EventObserver-Timestamp";

    /// <summary>The same for every attempt of one request, so a receiver can tell a retry from a new request.</summary>
    public const string DeliveryHeader = "X-EventObserver-Delivery";

    /// <summary>The <see cref="SignatureHeader"/> value: <c>sha256=</c> and the lowercase hex HMAC.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
