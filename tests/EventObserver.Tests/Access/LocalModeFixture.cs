using EventObserver.Access;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Admin;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Access;

/// <summary>
/// The app in <c>Auth:Mode=Local</c> over a small seeded index: two users (alice, a Viewer; oscar, an Operator), one
/// API key per role plus one without a role, a recording audit log, and a resolver that reads role claims (the topic
/// rules are not this part's).
/// </summary>
public sealed class LocalModeFixture : IDisposable
{
    public const string Topic = "shop.orders-v1";
    public const string Correlation = "conv-1";
    public const string OscarPassword = "operator pass";

    /// <summary>Role → the API key that holds exactly that role ("" holds none).</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [""] = "key-without-a-role",
        [AccessRoles.Viewer] = "key-viewer-0123",
        [AccessRoles.Operator] = "key-operator-0123",
        [AccessRoles.Publisher] = "key-publisher-0123",
        [AccessRoles.Admin] = "key-admin-0123",
    };

    public LocalModeFixture()
    {
        Factory = new SeededAppFactory(Configure);
        Factory.Cluster.Topics = [new ClusterTopic(Topic, 1, 2)];
        Factory.Seed(
            Envelopes.Json(Topic, 0, "PlaceOrder", MessageKind.Command, """{"orderId":"o-1"}""", key: "o-1", correlationId: Correlation),
            Envelopes.Json(Topic, 1, "OrderPlaced", MessageKind.Event, """{"orderId":"o-1"}""", key: "o-1", correlationId: Correlation, causationId: $"{Topic}-0-0"));
    }

    public SeededAppFactory Factory { get; }

    public RecordingAuditLog Audit { get; } = new();

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient CreateClient(Uri? baseAddress = null) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = baseAddress ?? new Uri("http://localhost") });

    /// <summary>A client sending the API key of <paramref name="role"/> as X-Api-Key.</summary>
    public HttpClient KeyClient(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys[role]);
        return client;
    }

    public void Dispose() => Factory.Dispose();

    private void Configure(IWebHostBuilder builder)
    {
        const string auth = "EventObserver:Auth";
        builder.UseSetting($"{auth}:Mode", "Local");
        builder.UseSetting($"{auth}:Lockout:MaxFailedAttempts", "3");
        builder.UseSetting($"{auth}:Users:0:Name", "alice");
        builder.UseSetting($"{auth}:Users:0:PasswordHash", TestAuthOptions.AliceHash);
        builder.UseSetting($"{auth}:Users:0:Roles:0", AccessRoles.Viewer);
        builder.UseSetting($"{auth}:Users:1:Name", "oscar");
        builder.UseSetting($"{auth}:Users:1:PasswordHash", TestAuthOptions.HashOf(OscarPassword));
        builder.UseSetting($"{auth}:Users:1:Groups:0", "ops-team");
        builder.UseSetting($"{auth}:Roles:Operator:0", "ops-team");
        var i = 0;
        foreach (var (role, key) in Keys)
        {
            builder.UseSetting($"{auth}:ApiKeys:{i}:Name", role.Length == 0 ? "no-role" : role.ToLowerInvariant() + "-client");
            builder.UseSetting($"{auth}:ApiKeys:{i}:Sha256", TestAuthOptions.Sha256Hex(key));
            if (role.Length > 0)
            {
                builder.UseSetting($"{auth}:ApiKeys:{i}:Roles:0", role);
            }

            i++;
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IAuditLog>(Audit);

            // A registry that knows no schema: /api/schemas/{id} answers 404 for the sample id, as for other missing samples.
            services.AddSingleton<ISchemaRegistry>(new FakeSchemaRegistry());
        });
    }
}
