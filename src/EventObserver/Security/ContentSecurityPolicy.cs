using System.Buffers.Text;
using System.Security.Cryptography;

namespace EventObserver.Security;

/// <summary>
/// The page's Content-Security-Policy. Scripts: the app's own files only, plus the one inline script Blazor renders
/// (the import map), allowed by a per-request nonce. Styles allow inline because MudBlazor renders style attributes
/// and Monaco adds style elements at run time; images allow data: URLs, which MudBlazor's and Monaco's stylesheets
/// embed. Monaco's workers are files of the app. Checked in Chromium by the end-to-end tests (no violation on any page).
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly object NonceKey = new();

    public static string Header(string nonce) => Header(nonce, []);

    /// <summary>The policy, with <paramref name="formActionOrigins"/> (see <see cref="ContentSecurityPolicyOptions"/>) beside 'self' in form-action.</summary>
    public static string Header(string nonce, IReadOnlyCollection<string> formActionOrigins) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self'; "
        + "connect-src 'self'; "
        + "worker-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + $"form-action {string.Join(' ', formActionOrigins.Prepend("'self'"))}; "
        + "frame-ancestors 'none'";

    /// <summary>The nonce of this request's policy, for the inline scripts the page renders.</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(NonceKey, out var value) && value is string nonce)
        {
            return nonce;
        }

        // Base64url: no '+' that the page's HTML encoding would turn into an entity.
        nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }
}
