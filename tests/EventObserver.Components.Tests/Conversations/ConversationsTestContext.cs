using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Conversations;
using EventObserver.Features.Conversations;
using EventObserver.TestSupport.Conversations;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventObserver.Components.Tests.Conversations;

/// <summary>The dashboard context with the conversations feature over a fake view filled with <see cref="ConversationSamples"/>.</summary>
public abstract class ConversationsTestContext : DashboardTestContext
{
    protected ConversationsTestContext()
    {
        ConversationSamples.Fill(View, Time.GetUtcNow());
        Context.Services.AddSingleton<IConversationView>(View);
        Context.Services.AddSingleton(Options.Create(Monitoring));
        Context.Services.AddConversationQueries();
    }

    protected FakeConversationView View { get; } = new();

    protected MonitoringOptions Monitoring { get; } = new();
}
