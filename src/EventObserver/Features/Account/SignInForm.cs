namespace EventObserver.Features.Account;

/// <summary>The sign-in form's fields (posted by the browser, bound by name).</summary>
public sealed class SignInForm
{
    public string? Name { get; set; }

    public string? Password { get; set; }
}
