using EventObserver.Access;
using EventObserver.Configuration;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Replay;

namespace EventObserver.Tests.Replay;

public sealed class ReplayPublishRunTests
{
    [Fact]
    public void Start_PublishByDefault_IsRefusedAsDisabled()
    {
        using var harness = new ReplayHarness();
        harness.SeedOrders(1);

        var result = harness.Manager.Start(new ReplayRequest { Publish = new ReplayPublishRequest("replay.orders") }, UserAccess.System);

        Assert.Equal(ReplayStartProblem.PublishRefused, result.Problem);
        Assert.Equal(PublishRefusal.Disabled, result.Refusal);
        Assert.Empty(harness.Store.ListPublishes());
    }

    [Fact]
    public void Start_PublishIntoASourceTopicWithoutConfirmation_IsRefused()
    {
        using var harness = new ReplayHarness(new ReplayOptions { AllowPublish = true, AllowedTargets = [".*"] });
        harness.SeedOrders(1);

        var result = harness.Manager.Start(new ReplayRequest { Selection = new EventSelection { Type = "OrderPlaced" }, Publish = new ReplayPublishRequest(ReplayHarness.Orders) }, UserAccess.System);

        Assert.Equal(PublishRefusal.SameTopicNeedsConfirmation, result.Refusal);
    }

    [Fact]
    public async Task DryRun_WhilePublishingIsDisabled_ListsTheMessages_SaysItWouldBeRefused_AndIsLogged()
    {
        using var harness = new ReplayHarness();
        harness.SeedOrders(2);

        var run = harness.Start(new ReplayRequest { Selection = new EventSelection { Type = "OrderShipped" }, Publish = new ReplayPublishRequest("replay.orders", DryRun: true) });
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.Equal(ReplayRunStatus.Completed, done.Status);
        Assert.Equal(2, done.Publish!.Previews.Count);
        Assert.Equal("replay.orders", done.Publish.Previews[0].TargetTopic);
        Assert.Contains("AllowPublish", done.Publish.WouldBeRefused);
        var logged = Assert.Single(harness.Store.ListPublishes());
        Assert.True(logged.DryRun);
        Assert.Equal(2, logged.Sent);
        Assert.Equal("completed", logged.Status);
        Assert.Equal([ReplayHarness.Orders], logged.SourceTopics);
    }
}
