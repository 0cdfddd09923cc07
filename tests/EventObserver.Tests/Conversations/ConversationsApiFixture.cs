using EventObserver.Access;
using EventObserver.Core.Conversations;
using EventObserver.TestSupport.Conversations;
using EventObserver.Tests.Access;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Conversations;

/// <summary>
/// The app in Local mode over a fake conversation view filled with <see cref="ConversationSamples"/>: a Viewer key whose
/// topic rule allows only <c>shop.*</c> and an Admin key (every topic). <see cref="Off"/> turns monitoring off.
/// </summary>
public class ConversationsApiFixture : IDisposable
{
    public const string ViewerKey = "conversations-viewer-key";
    public const string AdminKey = "conversations-admin-key";

    public ConversationsApiFixture()
        : this(enabled: true)
    {
    }

    protected ConversationsApiFixture(bool enabled)
    {
        Now = DateTimeOffset.UtcNow;
        ConversationSamples.Fill(View, Now);
        Factory = new SeededAppFactory(builder => Configure(builder, enabled));
    }

    /// <summary>When the samples were made (their ages count from here).</summary>
    public DateTimeOffset Now { get; }

    public FakeConversationView View { get; } = new();

    public SeededAppFactory Factory { get; }

    public HttpClient Client(string? key)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Configure(IWebHostBuilder builder, bool enabled)
    {
        const string auth = "EventObserver:Auth";
        builder.UseSetting($"{auth}:Mode", "Local");
        builder.UseSetting($"{auth}:Users:0:Name", "alice");
        builder.UseSetting($"{auth}:Users:0:PasswordHash", TestAuthOptions.AliceHash);
        builder.UseSetting($"{auth}:Users:0:Roles:0", AccessRoles.Viewer);
        builder.UseSetting($"{auth}:TopicAccess:0:Role", AccessRoles.Viewer);
        builder.UseSetting($"{auth}:TopicAccess:0:Allow:0", @"shop\..*");
        (string Name, string Key, string Role)[] keys = [("viewer-client", ViewerKey, AccessRoles.Viewer), ("admin-client", AdminKey, AccessRoles.Admin)];
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"{auth}:ApiKeys:{i}:Name", keys[i].Name);
            builder.UseSetting($"{auth}:ApiKeys:{i}:Sha256", TestAuthOptions.Sha256Hex(keys[i].Key));
            builder.UseSetting($"{auth}:ApiKeys:{i}:Roles:0", keys[i].Role);
        }

        builder.UseSetting("EventObserver:Monitoring:Enabled", enabled ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IConversationView>(View);
            services.Configure<MonitoringOptions>(o => o.Enabled = enabled);
        });
    }
}
