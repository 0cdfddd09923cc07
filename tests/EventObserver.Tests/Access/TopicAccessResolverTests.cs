using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;
using EventObserver.Core.Access;

using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Access;

public sealed class TopicAccessResolverTests
{
    private static readonly TopicAccessRule OrdersForSales = new() { Group = "sales", Allow = [@"orders\..*"] };
    private static readonly TopicAccessRule EverythingButHrForViewers = new() { Role = AccessRoles.Viewer, Deny = [@"hr\..*"] };
    private static readonly TopicAccessRule NoAuditForSales = new() { Group = "sales", Deny = [@".*\.audit"] };

    [Fact]
    public void Resolve_SignedOutInModeNone_HoldsViewerToAdminReadsEveryTopicMasked()
    {
        var access = Resolver(AuthMode.None, OrdersForSales).Resolve(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.False(access.IsAuthenticated);
        Assert.Equal([AccessRoles.Admin, AccessRoles.Operator, AccessRoles.Publisher, AccessRoles.Viewer], access.Roles.Order(StringComparer.Ordinal));
        Assert.True(access.Topics.IsUnrestricted);
        Assert.False(access.SeesRawValues);
    }

    [Theory]
    [InlineData(AuthMode.Local)]
    [InlineData(AuthMode.Oidc)]
    public void Resolve_SignedOutInASignInMode_HoldsNothingReadsNothing(AuthMode mode)
    {
        var access = Resolver(mode).Resolve(null);

        Assert.Empty(access.Roles);
        Assert.False(access.Topics.IsUnrestricted);
        Assert.False(access.CanRead("orders.placed"));
        Assert.False(access.SeesRawValues);
    }

    [Fact]
    public void Resolve_NoRules_SignedInViewerReadsEveryTopic()
    {
        var access = Resolver(AuthMode.Local).Resolve(User("vera", [AccessRoles.Viewer]));

        Assert.Equal("vera", access.Name);
        Assert.Same(AllTopics.Instance, access.Topics);
        Assert.False(access.SeesRawValues);
    }

    [Fact]
    public void Resolve_Admin_ReadsEveryTopicWhateverTheRulesAndSeesRawValues()
    {
        var access = Resolver(AuthMode.Local, OrdersForSales).Resolve(User("ada", [AccessRoles.Admin]));

        Assert.True(access.Topics.IsUnrestricted);
        Assert.True(access.SeesRawValues);
        Assert.True(access.IsInRole(AccessRoles.Viewer));
    }

    [Fact]
    public void Resolve_Unmask_SeesRawValues()
    {
        var access = Resolver(AuthMode.Local).Resolve(User("uma", [AccessRoles.Viewer, AccessRoles.Unmask]));

        Assert.True(access.SeesRawValues);
    }

    [Theory]
    [InlineData("orders.placed", true)]
    [InlineData("orders.", true)]
    [InlineData("orders", false)]
    [InlineData("xorders.placed", false)]
    [InlineData("payments", false)]
    public void Resolve_GroupRule_AllowsTopicsItsPatternMatchesWhole(string topic, bool readable)
    {
        var access = Resolver(AuthMode.Local, OrdersForSales).Resolve(User("sam", [AccessRoles.Viewer], ["sales"]));

        Assert.Equal(readable, access.CanRead(topic));
    }

    [Fact]
    public void Resolve_RuleWithoutAllow_AllowsEveryTopicItDoesNotDeny()
    {
        var access = Resolver(AuthMode.Local, EverythingButHrForViewers).Resolve(User("vic", [AccessRoles.Viewer]));

        Assert.True(access.CanRead("orders.placed"));
        Assert.False(access.CanRead("hr.salaries"));
    }

    [Fact]
    public void Resolve_RoleRule_AppliesToRolesThatImplyIt()
    {
        var access = Resolver(AuthMode.Local, EverythingButHrForViewers).Resolve(User("otto", [AccessRoles.Operator]));

        Assert.False(access.CanRead("hr.salaries"));
        Assert.True(access.CanRead("payments"));
    }

    [Fact]
    public void Resolve_DenyOfAnotherMatchingRule_WinsOverAnAllow()
    {
        var access = Resolver(AuthMode.Local, OrdersForSales, NoAuditForSales).Resolve(User("sam", [AccessRoles.Viewer], ["sales"]));

        Assert.True(access.CanRead("orders.placed"));
        Assert.False(access.CanRead("orders.audit"));
    }

    [Fact]
    public void Resolve_TwoAllowingRules_AllowTheUnionOfTheirTopics()
    {
        var payments = new TopicAccessRule { Group = "finance", Allow = ["payments"] };

        var access = Resolver(AuthMode.Local, OrdersForSales, payments).Resolve(User("fin", [AccessRoles.Viewer], ["sales", "finance"]));

        Assert.True(access.CanRead("orders.placed"));
        Assert.True(access.CanRead("payments"));
        Assert.False(access.CanRead("hr.salaries"));
    }

    [Fact]
    public void Resolve_NoRuleNamesTheUser_ReadsNothing()
    {
        var access = Resolver(AuthMode.Local, OrdersForSales).Resolve(User("pat", [AccessRoles.Viewer], ["support"]));

        Assert.Same(NoTopics.Instance, access.Topics);
        Assert.False(access.CanRead("orders.placed"));
    }

    [Fact]
    public void Resolve_TwoUsersUnderTheSameRules_ShareOnePermissionsObject()
    {
        var resolver = Resolver(AuthMode.Local, OrdersForSales, EverythingButHrForViewers);

        var first = resolver.Resolve(User("sam", [AccessRoles.Viewer], ["sales"]));
        var second = resolver.Resolve(User("sue", [AccessRoles.Viewer], ["sales"]));
        var other = resolver.Resolve(User("vic", [AccessRoles.Viewer]));

        Assert.Same(first.Topics, second.Topics);
        Assert.NotSame(first.Topics, other.Topics);
    }

    [Fact]
    public void CanRead_PatternThatRunsPastItsTimeout_DeniesTheTopic()
    {
        var rules = new TopicAccessRules([new TopicAccessRule { Group = "g", Allow = ["(a+)+b"] }]);
        var topics = rules.For(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(["g"], StringComparer.Ordinal));

        Assert.False(topics.CanRead(new string('a', 40) + "c"));
        Assert.True(topics.CanRead("aab"));
    }

    [Fact]
    public void Validate_BadRules_NameEachRuleBySetting()
    {
        var options = new AuthOptions
        {
            TopicAccess =
            [
                new TopicAccessRule { Group = "ok", Allow = ["orders"] },
                new TopicAccessRule { Allow = ["x"] },
                new TopicAccessRule { Group = "g", Role = AccessRoles.Viewer },
                new TopicAccessRule { Role = "Reader" },
                new TopicAccessRule { Group = "g", Allow = ["orders("], Deny = [" "] },
            ],
        };

        var result = new TopicAccessOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "EventObserver:Auth:TopicAccess:1 must name exactly one of Group or Role (the users it applies to).",
                "EventObserver:Auth:TopicAccess:2 must name exactly one of Group or Role (the users it applies to).",
                "EventObserver:Auth:TopicAccess:3:Role 'Reader' is not a role; use one of Viewer, Operator, Publisher, Admin, Unmask.",
                "EventObserver:Auth:TopicAccess:4:Allow:0 'orders(' is not a valid regular expression",
                "EventObserver:Auth:TopicAccess:4:Deny:0 is empty; give a regular expression over topic names, e.g. orders\\..*",
            ],
            result.Failures!.Select(f => f.Contains("regular expression:", StringComparison.Ordinal) ? f[..f.IndexOf(':', f.IndexOf("expression", StringComparison.Ordinal))] : f));
    }

    [Fact]
    public void Validate_GoodRules_Succeed()
    {
        var result = new TopicAccessOptionsValidator().Validate(null, new AuthOptions { TopicAccess = [OrdersForSales, EverythingButHrForViewers] });

        Assert.True(result.Succeeded);
    }

    private static RuleBasedUserAccessResolver Resolver(AuthMode mode, params TopicAccessRule[] rules)
    {
        var options = Options.Create(new AuthOptions { Mode = mode, TopicAccess = [.. rules] });
        return new RuleBasedUserAccessResolver(options, new TopicAccessRules(options));
    }

    private static ClaimsPrincipal User(string name, string[] roles, string[]? groups = null) =>
        TestSignIn.Principal(TestSignIn.Value(name, string.Join(',', roles), string.Join(',', groups ?? [])));
}
