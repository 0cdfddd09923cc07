using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Features.IndexRebuild;
using EventObserver.Storage.Index;

using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

namespace EventObserver.Components.Tests.IndexRebuild;

public sealed class RebuildIndexButtonTests : DashboardTestContext
{
    [Fact]
    public void Button_Operator_IsNotShown()
    {
        CurrentUser.Access = TestCurrentUser.SignedIn("oscar", AccessRoles.Operator);

        var button = Context.Render<RebuildIndexButton>();

        Assert.Empty(button.FindAll("[data-testid=rebuild-index]"));
    }

    [Fact]
    public async Task Button_AdminConfirms_ReplacesTheIndex()
    {
        CurrentUser.Access = TestCurrentUser.SignedIn("ada", AccessRoles.Admin);
        var provider = Context.Services.GetRequiredService<EventIndexProvider>();
        var before = provider.OpenForCluster("c1");
        var dialogs = Context.Render<MudDialogProvider>();
        var button = Context.Render<RebuildIndexButton>();

        // The click's handler waits for the dialog's answer: it completes once the dialog is answered.
        var click = button.Find("[data-testid=rebuild-index]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains(RebuildIndexButton.ConfirmTitle, dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Rebuild").ClickAsync(new());
        await click.WaitAsync(TimeSpan.FromSeconds(30));

        button.WaitForAssertion(() => Assert.Contains("requested by ada", button.Find("[data-testid=rebuild-started]").TextContent, StringComparison.Ordinal));
        Assert.NotSame(before, provider.Current);
        Assert.True(provider.IsRebuilding(provider.Current!));
    }

    [Fact]
    public async Task Button_AdminCancels_KeepsTheIndex()
    {
        CurrentUser.Access = TestCurrentUser.SignedIn("ada", AccessRoles.Admin);
        var provider = Context.Services.GetRequiredService<EventIndexProvider>();
        var before = provider.OpenForCluster("c1");
        var dialogs = Context.Render<MudDialogProvider>();
        var button = Context.Render<RebuildIndexButton>();

        var click = button.Find("[data-testid=rebuild-index]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains(RebuildIndexButton.ConfirmTitle, dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await click.WaitAsync(TimeSpan.FromSeconds(30));

        dialogs.WaitForAssertion(() => Assert.DoesNotContain(RebuildIndexButton.ConfirmTitle, dialogs.Markup, StringComparison.Ordinal));
        Assert.Same(before, provider.Current);
        Assert.Empty(button.FindAll("[data-testid=rebuild-started]"));
    }
}
