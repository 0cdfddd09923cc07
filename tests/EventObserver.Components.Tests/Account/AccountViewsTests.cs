using Bunit;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Features.Account;
using EventObserver.Features.Replay;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Account;

public sealed class AccountViewsTests : DashboardTestContext
{
    [Fact]
    public void UserBadge_ModeNoneAnonymous_SaysAnonymousWithoutSignOut()
    {
        var badge = Context.Render<UserBadge>();

        Assert.Equal("anonymous (no sign-in)", badge.Find("[data-testid=user-badge]").TextContent.Trim());
        Assert.Empty(badge.FindAll("[data-testid=sign-out]"));
    }

    [Fact]
    public void UserBadge_SignedIn_ShowsNameHighestRoleAndASignOutForm()
    {
        CurrentUser.Access = TestCurrentUser.SignedIn("oscar", AccessRoles.Operator, AccessRoles.Unmask);

        var badge = Context.Render<UserBadge>();

        Assert.Equal("oscar · Operator", badge.Find("[data-testid=user-badge]").TextContent.Trim());
        var form = badge.Find("[data-testid=sign-out-form]");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/sign-out", form.GetAttribute("action"));
        // The antiforgery token inside it is the framework's (no token source in bUnit; the app tests read it from a real page).
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
    }

    [Fact]
    public void UserBadge_LocalModeNotSignedIn_OffersSignIn()
    {
        Context.Services.Configure<AuthOptions>(o => o.Mode = AuthMode.Local);
        CurrentUser.Access = new UserAccess("anonymous", false, [], Core.Access.AllTopics.Instance, false);

        var badge = Context.Render<UserBadge>();

        Assert.Equal("account/sign-in", badge.Find("[data-testid=sign-in-link]").GetAttribute("href"));
        Assert.Empty(badge.FindAll("[data-testid=user-badge]"));
    }

    [Fact]
    public void AccessDenied_ForTheReplayPage_NamesOperatorAndWhoIsSignedIn()
    {
        CurrentUser.Access = TestCurrentUser.SignedIn("alice", AccessRoles.Viewer);

        var view = Context.Render<AccessDeniedView>(p => p.Add(v => v.PageType, typeof(ReplayPage)));

        Assert.Equal("403 — you need the Operator role", view.Find("[data-testid=access-denied]").TextContent.Trim());
        Assert.Contains("signed in as alice (Viewer)", view.Find("span").TextContent, StringComparison.Ordinal);
    }
}
