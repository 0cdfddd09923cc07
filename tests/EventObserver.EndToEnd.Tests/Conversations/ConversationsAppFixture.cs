using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace EventObserver.EndToEnd.Tests.Conversations;

/// <summary>
/// The demo app with a configured "PlaceOrder" process that must finish (OrderCompleted or CustomerNotified) within a
/// few seconds and a high share of stalled demo orders, so stuck conversations appear within seconds; its own app, so
/// the other browser tests keep the default demo. Without Chromium nothing starts.
/// </summary>
public sealed class ConversationsAppFixture() : AppBrowserFixture(Configure)
{
    public const string Process = "PlaceOrder";

    private static void Configure(IWebHostBuilder builder)
    {
        const string monitoring = "EventObserver:Monitoring";
        builder.UseSetting($"{monitoring}:Enabled", "true");
        builder.UseSetting($"{monitoring}:Processes:0:Name", Process);
        builder.UseSetting($"{monitoring}:Processes:0:Start", "PlaceOrder");
        builder.UseSetting($"{monitoring}:Processes:0:Done:0", "OrderCompleted");
        builder.UseSetting($"{monitoring}:Processes:0:Done:1", "CustomerNotified");
        builder.UseSetting($"{monitoring}:Processes:0:Within", "00:00:04");
        // Stalled orders never finish: once past the deadline they stay stuck, so the test does not race a late completion.
        builder.UseSetting("EventObserver:Demo:StallRate", "0.5");
    }
}
