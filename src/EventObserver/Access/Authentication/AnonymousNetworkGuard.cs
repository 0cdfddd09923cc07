using EventObserver.Access.Options;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// Refuses to start with <c>Auth:Mode=None</c> on a network address (unless <c>AllowAnonymousNetwork</c> says so):
/// checked with the other settings before anything is served. A test server (no real address) counts as loopback.
/// </summary>
public sealed class AnonymousNetworkGuard(IConfiguration configuration, IServiceProvider services) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode != AuthMode.None || options.AllowAnonymousNetwork || !ListensOnKestrel())
        {
            return ValidateOptionsResult.Success;
        }

        var network = BoundAddresses.Configured(configuration).Where(u => !BoundAddresses.IsLoopback(u)).ToList();
        return network.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(Message(network));
    }

    public static string Message(IReadOnlyList<string> networkAddresses) =>
        $"{AuthOptions.Section}:Mode is None (no sign-in), but the app would listen on {string.Join(", ", networkAddresses)}, "
        + "a network address: anyone who reaches it could read every event and replay or re-publish them. Set "
        + $"{AuthOptions.Section}:Mode to Local or Oidc, bind to localhost only (e.g. --urls http://localhost:5000), or accept "
        + $"anonymous access from the network explicitly with {AuthOptions.Section}:AllowAnonymousNetwork=true.";

    // Tests host the app on an in-memory server that binds nothing; only Kestrel opens the configured addresses.
    private bool ListensOnKestrel() =>
        services.GetService<IServer>() is { } server && server.GetType().Assembly == typeof(KestrelServerOptions).Assembly;
}
