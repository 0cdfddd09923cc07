using System.Text;

using EventObserver.Access;
using EventObserver.Access.Authentication;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Access;

/// <summary>
/// Every endpoint the app maps has an authorization decision, the one this table expects, and it holds: in Local mode,
/// anonymous → 401 (API) or the sign-in redirect (pages), the role below → 403, the role → neither. A new endpoint
/// without a decision, or one whose policy changed, fails here by itself. The hub: <see cref="EventsHubAuthorizationTests"/>.
/// </summary>
public sealed class EndpointAuthorizationMatrixTests(LocalModeFixture fixture) : IClassFixture<LocalModeFixture>
{
    private const string Anonymous = "anonymous";

    /// <summary>"METHOD /route pattern" → the policy it must carry, or <see cref="Anonymous"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /healthz"] = Anonymous,
        ["ANY /metrics"] = Anonymous,
        ["GET /healthz/live"] = Anonymous,
        ["GET /healthz/ready"] = Anonymous,
        ["GET /openapi/{documentName}.json"] = Anonymous,
        ["GET /api-docs/{documentName?}"] = Anonymous,
        ["GET /api-docs/scalar.js"] = Anonymous,
        ["GET /api-docs/scalar.aspnetcore.js"] = Anonymous,
        ["GET /api-docs/favicon.svg"] = Anonymous,
        ["GET /account/sign-in"] = Anonymous,
        ["POST /account/sign-in"] = Anonymous,
        ["POST /account/sign-out"] = Anonymous,
        ["GET /account/sign-in/oidc"] = Anonymous,
        ["GET /not-found"] = Anonymous,
        ["POST /not-found"] = Anonymous,
        ["GET /api/events/"] = AccessPolicies.Viewer,
        ["GET /api/events/{topic}/{partition:int}/{offset:long}"] = AccessPolicies.Viewer,
        ["GET /api/events/{topic}/{partition:int}/{offset:long}/lineage"] = AccessPolicies.Viewer,
        ["GET /api/correlations/{correlationId}"] = AccessPolicies.Viewer,
        ["GET /api/topics"] = AccessPolicies.Viewer,
        ["GET /api/topics/{name}"] = AccessPolicies.Viewer,
        ["GET /api/gaps"] = AccessPolicies.Viewer,
        ["GET /api/groups/"] = AccessPolicies.Viewer,
        ["GET /api/groups/{groupId}"] = AccessPolicies.Viewer,
        ["POST /api/groups/{groupId}/offsets/preview"] = AccessPolicies.Admin,
        ["POST /api/groups/{groupId}/offsets/reset"] = AccessPolicies.Admin,
        ["GET /groups"] = AccessPolicies.Viewer,
        ["POST /groups"] = AccessPolicies.Viewer,
        ["GET /groups/{GroupId}"] = AccessPolicies.Viewer,
        ["POST /groups/{GroupId}"] = AccessPolicies.Viewer,
        ["GET /api/stats"] = AccessPolicies.Viewer,
        ["GET /api/demo"] = AccessPolicies.Viewer,
        ["POST /api/demo/burst"] = AccessPolicies.Operator,
        ["GET /api/flows"] = AccessPolicies.Viewer,
        ["GET /api/topology"] = AccessPolicies.Viewer,
        ["GET /api/processes/"] = AccessPolicies.Viewer,
        ["GET /api/processes/{name}/conversations"] = AccessPolicies.Viewer,
        ["GET /api/conventions"] = AccessPolicies.Viewer,
        ["POST /api/replays/"] = AccessPolicies.Operator,
        ["GET /api/replays/"] = AccessPolicies.Viewer,
        ["POST /api/replays/count"] = AccessPolicies.Viewer,
        ["POST /api/replays/compare"] = AccessPolicies.Operator,
        ["GET /api/replays/publishes"] = AccessPolicies.Viewer,
        ["GET /api/replays/templates"] = AccessPolicies.Viewer,
        ["GET /api/replays/{id}"] = AccessPolicies.Viewer,
        ["GET /api/replays/{id}/state"] = AccessPolicies.Viewer,
        ["POST /api/replays/{id}/pause"] = AccessPolicies.Operator,
        ["POST /api/replays/{id}/resume"] = AccessPolicies.Operator,
        ["POST /api/replays/{id}/stop"] = AccessPolicies.Operator,
        ["POST /api/replays/{id}/step"] = AccessPolicies.Operator,
        ["POST /api/replays/{id}/run-to"] = AccessPolicies.Operator,
        ["GET /api/projections/"] = AccessPolicies.Viewer,
        ["POST /api/projections/"] = AccessPolicies.Operator,
        ["GET /api/projections/{name}"] = AccessPolicies.Viewer,
        ["GET /api/projections/{name}/{version:int}"] = AccessPolicies.Viewer,
        ["ANY /hubs/events/negotiate"] = AccessPolicies.Viewer,
        ["ANY /hubs/events"] = AccessPolicies.Viewer,
        ["GET /"] = AccessPolicies.Viewer,
        ["POST /"] = AccessPolicies.Viewer,
        ["GET /events/{Topic}/{Partition:int}/{Offset:long}"] = AccessPolicies.Viewer,
        ["POST /events/{Topic}/{Partition:int}/{Offset:long}"] = AccessPolicies.Viewer,
        ["GET /topics"] = AccessPolicies.Viewer,
        ["POST /topics"] = AccessPolicies.Viewer,
        ["GET /topics/{Name}"] = AccessPolicies.Viewer,
        ["POST /topics/{Name}"] = AccessPolicies.Viewer,
        ["GET /lineage"] = AccessPolicies.Viewer,
        ["POST /lineage"] = AccessPolicies.Viewer,
        ["GET /flows"] = AccessPolicies.Viewer,
        ["POST /flows"] = AccessPolicies.Viewer,
        ["GET /topology"] = AccessPolicies.Viewer,
        ["POST /topology"] = AccessPolicies.Viewer,
        ["GET /conversations"] = AccessPolicies.Viewer,
        ["POST /conversations"] = AccessPolicies.Viewer,
        ["GET /conventions"] = AccessPolicies.Viewer,
        ["GET /api/schemas/{id:int}"] = AccessPolicies.Viewer,
        ["GET /schemas/{Id:int}"] = AccessPolicies.Viewer,
        ["POST /schemas/{Id:int}"] = AccessPolicies.Viewer,
        ["GET /api/audit"] = AccessPolicies.Admin,
        ["POST /api/admin/index/rebuild"] = AccessPolicies.Admin,
        ["GET /audit"] = AccessPolicies.Admin,
        ["POST /audit"] = AccessPolicies.Admin,
        ["POST /conventions"] = AccessPolicies.Viewer,
        ["GET /replay"] = AccessPolicies.Operator,
        ["POST /replay"] = AccessPolicies.Operator,
    };

    /// <summary>The role just below each policy's: it must be refused.</summary>
    private static readonly IReadOnlyDictionary<string, string> Below = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AccessPolicies.Viewer] = "",
        [AccessPolicies.Operator] = AccessRoles.Viewer,
        [AccessPolicies.Publisher] = AccessRoles.Operator,
        [AccessPolicies.Admin] = AccessRoles.Publisher,
    };

    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["topic"] = LocalModeFixture.Topic,
        ["partition"] = "0",
        ["offset"] = "1",
        ["correlationId"] = LocalModeFixture.Correlation,
        ["id"] = "no-such-run",
        ["name"] = "no-such-projection",
        ["version"] = "1",
        ["documentName"] = "v1",
        ["groupId"] = "no-such-group",
    };

    [Fact]
    public void EveryEndpoint_HasAnAuthorizationDecision_AndTheOneInTheTable()
    {
        var problems = new List<string>();
        var mapped = Endpoints().ToList();
        foreach (var (key, endpoint) in mapped)
        {
            var actual = Decision(endpoint);
            if (actual is null)
            {
                problems.Add($"{key} ({endpoint.DisplayName}): no authorization decision (neither RequireAuthorization/[Authorize] nor AllowAnonymous)");
            }
            else if (!Expected.TryGetValue(key, out var expected))
            {
                problems.Add($"{key}: not in the table (it is {actual}); add it with its policy");
            }
            else if (expected != actual)
            {
                problems.Add($"{key}: expected {expected}, is {actual}");
            }
        }

        problems.AddRange(Expected.Keys.Except(mapped.Select(m => m.Key), StringComparer.Ordinal).Select(k => $"{k}: in the table but not mapped"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Decision_EndpointWithoutAuthorizationMetadata_IsNone()
    {
        var bare = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/new"), 0, EndpointMetadataCollection.Empty, "new");

        Assert.Null(Decision(bare));
    }

    [Fact]
    public async Task EveryEndpoint_AnonymousWrongRoleAndRightRole_GetWhatThePolicySays()
    {
        var failures = new List<string>();
        var exercised = 0;
        using var anonymous = fixture.CreateClient();
        foreach (var (key, endpoint) in Endpoints())
        {
            var (method, url) = Request(key, endpoint);
            if (method is null || Decision(endpoint) is not { } policy)
            {
                continue;
            }

            exercised++;
            var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            if (policy == Anonymous)
            {
                await ExpectAsync(anonymous, method, url, s => s is not (401 or 403), "anonymous: not 401/403", failures, key);
                continue;
            }

            await ExpectAsync(anonymous, method, url, page ? s => s == 302 : s => s == 401, page ? "anonymous: 302 to sign-in" : "anonymous: 401", failures, key);
            using var below = fixture.KeyClient(Below[policy]);
            await ExpectAsync(below, method, url, s => s == 403, $"role '{Below[policy]}': 403", failures, key);
            using var right = fixture.KeyClient(policy);
            await ExpectAsync(right, method, url, s => s is not (401 or 403) && s < 500 && (method == "POST" || s is >= 200 and < 300 or 404),
                $"role {policy}: allowed (2xx for reads, 404 for a missing sample; 400/404/409 for POSTs)", failures, key);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Today's endpoints less the hub transport, page form posts and account forms: the loop cannot pass by skipping.
        Assert.True(exercised >= 40, $"only {exercised} endpoints exercised");
    }

    /// <summary>The app's endpoints, less the framework's own: Blazor's circuit hub and its helpers, and static files.</summary>
    private IEnumerable<(string Key, RouteEndpoint Endpoint)> Endpoints() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !IsFrameworkInternal(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Where(m => m != HttpMethods.Head)
                .Select(m => ($"{m} /{e.RoutePattern.RawText?.TrimStart('/')}", e)));

    private static bool IsFrameworkInternal(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
        // Blazor's circuit connection (/_blazor, negotiate, disconnect, initializers) authorizes each page it renders,
        // not the connection; its opaque redirect only turns a server redirect into a client navigation; static files
        // (MapStaticAssets) are public and must carry AllowAnonymous; in Development, the static assets' fallback
        // serves files added after the build (it does not exist in a published app).
        return pattern.StartsWith("/_blazor", StringComparison.Ordinal)
            || pattern == "/_framework/opaque-redirect"
            || endpoint.DisplayName == "Fallback {**path:file}"
            || (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && IsStaticAsset(endpoint));
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static string? Decision(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(no policy)").Distinct(StringComparer.Ordinal).ToList();
        return policies.Count == 0 ? null : string.Join("+", policies);
    }

    /// <summary>The request that exercises the endpoint, or no method for one this test does not call.</summary>
    private static (string? Method, string Url) Request(string key, RouteEndpoint endpoint)
    {
        var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
        var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if (method == "ANY" || (isPage && method != "GET") || key.StartsWith("POST /account/", StringComparison.Ordinal))
        {
            // The hub's transport endpoint (see the hub tests), page form posts and the account forms (their own tests).
            return (null, "");
        }

        var url = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(Sample(parameter)),
            _ => "",
        }))));
        return (method, key.EndsWith("/api/demo/burst", StringComparison.Ordinal) ? url + "?orders=0" : url);
    }

    /// <summary>A sample value for a route parameter; a number where the route takes only numbers (a schema id).</summary>
    private static string Sample(RoutePatternParameterPart parameter)
    {
        var sample = Samples[parameter.Name];
        return parameter.ParameterPolicies.Any(p => p.Content == "int") && !int.TryParse(sample, out _) ? "1" : sample;
    }

    private static async Task ExpectAsync(HttpClient client, string method, string url, Func<int, bool> ok, string what, List<string> failures, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (!ok(status))
        {
            failures.Add($"{key} ({url}): expected {what}, got {status}");
        }
        else if (status == 302 && response.Headers.Location?.OriginalString.Contains(AccessSchemes.SignInPath, StringComparison.Ordinal) != true)
        {
            failures.Add($"{key}: redirected to {response.Headers.Location}, not to the sign-in page");
        }
    }
}
