using EventObserver.Access;
using EventObserver.Access.Authentication;
using EventObserver.Access.Options;
using EventObserver.Components.Shared;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Account;

/// <summary>
/// <c>/account/sign-in</c>: Local mode's form (checked by <see cref="LocalSignIn"/>, with lockout; success puts the user in
/// the browser session and returns to <c>returnUrl</c> when it is a path of this app); Oidc mode's link to the provider;
/// in Mode None, a note that sign-in is off. In Oidc mode it hands straight on to the provider (but offers a button
/// after a sign-out instead).
/// </summary>
public sealed partial class SignInPage
{
    public const string FormName = "sign-in";

    private string? _message;

    [CascadingParameter] public HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = FormName)] public SignInForm? Input { get; set; }

    [SupplyParameterFromQuery(Name = AccessSchemes.ReturnUrlParameter)] public string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "signedOut")] public bool SignedOut { get; set; }

    [Inject] public required LocalSignIn LocalSignIn { get; init; }

    [Inject] public required IOptionsMonitor<AuthOptions> Options { get; init; }

    [Inject] public required IAuditLog Audit { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    private AuthMode Mode => Options.CurrentValue.Mode;

    private string OidcHref => $"{AccessSchemes.OidcChallengePath.TrimStart('/')}?{AccessSchemes.ReturnUrlParameter}={Uri.EscapeDataString(LocalUrl.OrRoot(ReturnUrl))}";

    private string? SignedInAs => HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    protected override void OnInitialized()
    {
        Input ??= new SignInForm();

        // Oidc: straight on to the provider, except right after signing out (the provider may still have a session
        // and would sign the user in again at once); the page then offers the button.
        if (Mode == AuthMode.Oidc && !SignedOut && SignedInAs is null)
        {
            Navigation.NavigateTo(OidcHref, forceLoad: true);
        }
    }

    private async Task SubmitAsync()
    {
        Input ??= new SignInForm();
        if (Mode != AuthMode.Local)
        {
            return;
        }

        var result = LocalSignIn.Check(Input.Name, Input.Password);
        Audit.Record(new AuditEntry
        {
            Action = result.Succeeded ? AuditAction.SignIn : AuditAction.SignInFailed,
            Actor = DisplayFormat.Clip(Input.Name?.Trim() ?? "", 100),
            Detail = result.AuditDetail,
            Succeeded = result.Succeeded,
            RemoteAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        if (result.Principal is not { } principal)
        {
            _message = result.Message;
            return;
        }

        await HttpContext.SignInAsync(AccessSchemes.Cookie, principal);
        Navigation.NavigateTo(LocalUrl.OrRoot(ReturnUrl), forceLoad: true);
    }
}
