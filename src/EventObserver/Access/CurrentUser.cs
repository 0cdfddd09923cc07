using System.Security.Claims;

using Microsoft.AspNetCore.Components.Authorization;

namespace EventObserver.Access;

/// <summary>
/// <see cref="ICurrentUser"/> for every kind of scope. In a Blazor circuit the user comes from the circuit's
/// <see cref="AuthenticationStateProvider"/> (the HTTP context of a circuit is not reliable); in a plain HTTP request
/// (an API call, a prerender) from the request's user.
/// </summary>
public sealed class CurrentUser : ICurrentUser, IDisposable
{
    private readonly IHttpContextAccessor _http;
    private readonly AuthenticationStateProvider _authentication;
    private readonly IUserAccessResolver _resolver;
    private UserAccess? _access;

    public CurrentUser(IHttpContextAccessor http, AuthenticationStateProvider authentication, IUserAccessResolver resolver)
    {
        _http = http;
        _authentication = authentication;
        _resolver = resolver;
        _authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    public UserAccess Access => _access ??= _resolver.Resolve(Principal());

    public void Dispose() => _authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;

    private ClaimsPrincipal? Principal()
    {
        try
        {
            var state = _authentication.GetAuthenticationStateAsync();
            if (state.IsCompletedSuccessfully)
            {
                return state.Result.User;
            }
        }
        catch (InvalidOperationException)
        {
            // Not a circuit or a prerender: the provider was never given a user. The request's user is the one.
        }

        return _http.HttpContext?.User;
    }

    private void OnAuthenticationStateChanged(Task<AuthenticationState> state) => _access = null;
}
