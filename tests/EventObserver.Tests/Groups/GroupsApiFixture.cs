using EventObserver.Access;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Tests.Access;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport.GroupPages;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using static EventObserver.TestSupport.GroupPages.GroupSamples;

namespace EventObserver.Tests.Groups;

/// <summary>
/// The app in Local mode with a stub group view and reset service: a Viewer key whose topic rule allows only
/// <c>shop.*</c>, an Operator key and an Admin key (every topic). Groups: "analytics" reads shop.orders and
/// vault.ledger, "ledger-writer" only vault.ledger. Offset resets are on unless the constructor says otherwise.
/// </summary>
public sealed class GroupsApiFixture : IDisposable
{
    public const string ViewerKey = "groups-viewer-key";
    public const string OperatorKey = "groups-operator-key";
    public const string AdminKey = "groups-admin-key";
    public const string Source = "groups known by name: the embedded broker cannot list groups";

    public GroupsApiFixture()
        : this(allowReset: true)
    {
    }

    private GroupsApiFixture(bool allowReset)
    {
        var now = DateTimeOffset.UtcNow;
        View.Current = Snapshot(now, Source,
            Group("analytics", GroupState.Empty,
            [
                Partition("shop.orders", 0, 10, 100, TimeSpan.FromSeconds(130)),
                Partition("shop.orders", 1, 50, 50),
                Partition("vault.ledger", 0, 0, 5000, TimeSpan.FromHours(3), TimeLagStatus.NoLongerIndexed),
            ],
            membersKnown: false),
            Group("ledger-writer", GroupState.Stable, [Partition("vault.ledger", 1, 0, 7, TimeSpan.FromSeconds(1))],
                [Member("ledger-1", "/10.0.0.9", new TopicPartitionKey("vault.ledger", 1))]));
        View.SetHistory("analytics", new LagSample(now.AddMinutes(-1), 5070, 10800), new LagSample(now, 5090, 10800));
        Factory = new SeededAppFactory(builder => Configure(builder, allowReset));
    }

    /// <summary>The same app with <c>EventObserver:Groups:AllowOffsetReset=false</c>.</summary>
    public static GroupsApiFixture WithResetsOff() => new(allowReset: false);

    public StubGroupView View { get; } = new();

    public StubOffsetReset Reset { get; } = new();

    public RecordingAuditLog Audit { get; } = new();

    public SeededAppFactory Factory { get; }

    public HttpClient Client(string key)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public void Dispose() => Factory.Dispose();

    private void Configure(IWebHostBuilder builder, bool allowReset)
    {
        const string auth = "EventObserver:Auth";
        builder.UseSetting($"{auth}:Mode", "Local");
        builder.UseSetting($"{auth}:Users:0:Name", "alice");
        builder.UseSetting($"{auth}:Users:0:PasswordHash", TestAuthOptions.AliceHash);
        builder.UseSetting($"{auth}:Users:0:Roles:0", AccessRoles.Viewer);
        builder.UseSetting($"{auth}:TopicAccess:0:Role", AccessRoles.Viewer);
        builder.UseSetting($"{auth}:TopicAccess:0:Allow:0", @"shop\..*");
        (string Name, string Key, string Role)[] keys =
        [
            ("viewer-client", ViewerKey, AccessRoles.Viewer),
            ("operator-client", OperatorKey, AccessRoles.Operator),
            ("admin-client", AdminKey, AccessRoles.Admin),
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"{auth}:ApiKeys:{i}:Name", keys[i].Name);
            builder.UseSetting($"{auth}:ApiKeys:{i}:Sha256", TestAuthOptions.Sha256Hex(keys[i].Key));
            builder.UseSetting($"{auth}:ApiKeys:{i}:Roles:0", keys[i].Role);
        }

        builder.UseSetting("EventObserver:Groups:AllowOffsetReset", allowReset ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IConsumerGroupView>(View);
            services.AddSingleton<IGroupOffsetReset>(Reset);
            services.AddSingleton<IAuditLog>(Audit);
        });
    }
}
