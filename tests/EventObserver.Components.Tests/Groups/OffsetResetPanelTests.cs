using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Groups;
using EventObserver.Features.Groups;

using MudBlazor;

using static EventObserver.TestSupport.GroupPages.GroupSamples;

namespace EventObserver.Components.Tests.Groups;

public sealed class OffsetResetPanelTests : GroupsTestContext
{
    public OffsetResetPanelTests()
    {
        View.Current = Snapshot(Time.GetUtcNow(), "admin API",
            Group("analytics", GroupState.Empty, [Partition("orders", 0, 10, 100, TimeSpan.FromSeconds(30)), Partition("orders", 1, 20, 60, TimeSpan.FromSeconds(8))]));
        CurrentUser.Access = TestCurrentUser.SignedIn("ada", AccessRoles.Admin);
    }

    [Fact]
    public void GroupPage_NotAnAdmin_HasNoResetPanel()
    {
        CurrentUser.Access = TestCurrentUser.SignedIn("oscar", AccessRoles.Operator);

        var page = Render();

        Assert.NotEmpty(page.FindAll("[data-testid=partition-row]"));
        Assert.Empty(page.FindAll("[data-testid=reset-panel]"));
    }

    [Fact]
    public void ResetPanel_ResetsOff_SaysWhichSettingTurnsThemOn()
    {
        GroupsOptions.AllowOffsetReset = false;

        var page = Render();

        Assert.Contains("EventObserver:Groups:AllowOffsetReset=true", page.Find("[data-testid=reset-off]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=reset-preview]"));
    }

    [Fact]
    public async Task ResetPanel_PreviewRefused_ShowsTheReasonAndNoRows()
    {
        Reset.Refusal = "The group has 2 active members: stop its consumers first.";
        var page = Render();

        await ClickOnRendererAsync(page, "[data-testid=reset-preview]");

        Assert.Equal(Reset.Refusal, page.Find("[data-testid=reset-message]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=reset-rows]"));
        Assert.True(page.Find("[data-testid=reset-apply]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ResetPanel_TimeTargetWithoutATime_SaysWhatIsMissingAndAsksNothing()
    {
        var page = Render();
        await ClickOnRendererAsync(page, "[data-target=Time]");

        await ClickOnRendererAsync(page, "[data-testid=reset-preview]");

        Assert.Contains("needs a time", page.Find("[data-testid=reset-message]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Reset.Previewed);
    }

    [Fact]
    public async Task ResetPanel_PreviewThenConfirmedApply_ShowsRowsWritesThemAndAudits()
    {
        Reset.Rows = [new OffsetResetRow("orders", 0, 10, 100, 100, 0), new OffsetResetRow("orders", 1, 20, 60, 60, 0, "clamped to the log end")];
        var dialogs = Context.Render<MudDialogProvider>();
        var page = Render();
        await ClickOnRendererAsync(page, "[data-target=Latest]");

        await ClickOnRendererAsync(page, "[data-testid=reset-preview]");

        Assert.Equal(["100", "60"], page.FindAll("[data-testid=reset-new]").Select(td => td.TextContent));
        Assert.Contains("Preview: lag after 0 messages", page.Find("[data-testid=reset-total]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Reset.Applied);
        Assert.Empty(Audit.Entries);

        var click = page.Find("[data-testid=reset-apply]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains(OffsetResetPanel.ConfirmTitle, dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Reset offsets").ClickAsync(new());
        await click.WaitAsync(TimeSpan.FromSeconds(30));

        page.WaitForAssertion(() => Assert.Contains("Offsets of 2 partitions written.", page.Find("[data-testid=reset-message]").TextContent, StringComparison.Ordinal));
        var applied = Assert.Single(Reset.Applied);
        Assert.Equal(new OffsetResetRequest("analytics", OffsetResetTarget.Latest), applied);
        var entry = Assert.Single(Audit.Entries);
        Assert.Equal(AuditAction.OffsetReset, entry.Action);
        Assert.Equal("ada", entry.Actor);
        Assert.Equal("analytics", entry.Target);
        Assert.Equal("scope: every topic; target: latest; rows: 2; lag after: 0", entry.Detail);
        Assert.True(entry.Succeeded);
        Assert.Equal(1, View.RefreshNowCalls);
    }

    private IRenderedComponent<GroupPage> Render()
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<GroupPage>(p => p.Add(x => x.GroupId, "analytics"));
    }
}
