using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Groups;
using EventObserver.Features.Groups;
using EventObserver.Kafka.Configuration;
using EventObserver.TestSupport.GroupPages;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventObserver.Components.Tests.Groups;

/// <summary>The dashboard context with the groups feature over a stub view and reset service, and an audit log that records.</summary>
public abstract class GroupsTestContext : DashboardTestContext
{
    protected GroupsTestContext()
    {
        var services = Context.Services;
        services.AddSingleton<IConsumerGroupView>(View);
        services.AddSingleton<IGroupOffsetReset>(Reset);
        services.AddSingleton<IAuditLog>(Audit);
        services.AddSingleton(Options.Create(GroupsOptions));
        services.AddGroupQueries();
    }

    protected StubGroupView View { get; } = new();

    protected StubOffsetReset Reset { get; } = new();

    protected RecordingAuditLog Audit { get; } = new();

    protected GroupsOptions GroupsOptions { get; } = new() { AllowOffsetReset = true };
}
