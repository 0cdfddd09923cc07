using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Replay;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Replay;

public sealed class PublishGuardTests
{
    private static readonly PublishPolicy Allowed = new(true, ["^replay\\.", "^orders\\.events$"]);

    [Fact]
    public void Check_ByDefault_RefusesBecausePublishingIsDisabled()
    {
        var decision = PublishGuard.Check(PublishPolicy.Disabled, "replay.orders", ["orders.events"], confirmSameTopic: false);

        Assert.Equal(PublishRefusal.Disabled, decision.Refusal);
        Assert.Contains("AllowPublish", decision.Reason);
    }

    [Fact]
    public void Check_TargetMatchingNoPattern_IsRefused()
    {
        var decision = PublishGuard.Check(Allowed, "payments.events", ["orders.events"], confirmSameTopic: false);

        Assert.Equal(PublishRefusal.TargetNotAllowed, decision.Refusal);
        Assert.Contains("payments.events", decision.Reason);
    }

    [Fact]
    public void Check_AllowedPatternWithNoTargetsListed_RefusesEverything()
    {
        var decision = PublishGuard.Check(new PublishPolicy(true, []), "replay.orders", ["orders.events"], confirmSameTopic: false);

        Assert.Equal(PublishRefusal.TargetNotAllowed, decision.Refusal);
    }

    [Fact]
    public void Check_TargetIsASourceTopic_NeedsConfirmation()
    {
        var refused = PublishGuard.Check(Allowed, "orders.events", ["orders.events", "orders.commands"], confirmSameTopic: false);
        var confirmed = PublishGuard.Check(Allowed, "orders.events", ["orders.events", "orders.commands"], confirmSameTopic: true);

        Assert.Equal(PublishRefusal.SameTopicNeedsConfirmation, refused.Refusal);
        Assert.True(confirmed.IsAllowed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("..")]
    [InlineData(null)]
    public void Check_IllegalTopicName_IsRefused(string? target)
    {
        var decision = PublishGuard.Check(Allowed, target, [], confirmSameTopic: false);

        Assert.Equal(PublishRefusal.InvalidTarget, decision.Refusal);
    }

    [Fact]
    public void Check_AllowedTargetFromOtherTopics_IsAllowed()
    {
        Assert.True(PublishGuard.Check(Allowed, "replay.orders", ["orders.events"], confirmSameTopic: false).IsAllowed);
    }

    [Fact]
    public void ProposeRedriveTopic_DeadLetters_ProposeTheMostNamedOriginalTopic()
    {
        EventEnvelope Dead(long offset, string? original) => new()
        {
            Topic = "orders.dlt",
            Partition = 0,
            Offset = offset,
            TimestampMs = offset,
            MessageId = offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DeadLetterOf = original is null ? null : new DeadLetterOrigin(original, 0, offset, "boom"),
        };

        var proposed = ReplayMessages.ProposeRedriveTopic([Dead(1, "payments.commands"), Dead(2, "orders.commands"), Dead(3, "payments.commands"), Dead(4, null)]);
        var none = ReplayMessages.ProposeRedriveTopic([Dead(5, null)]);

        Assert.Equal("payments.commands", proposed);
        Assert.Null(none);
    }

    [Fact]
    public void RateLimiter_SpacesSendsByTheRate_AndRestartsAfterALongPause()
    {
        var time = new FakeTimeProvider();
        var limiter = new ReplayRateLimiter(4, time);

        var first = limiter.NextDelay();
        var second = limiter.NextDelay();
        var third = limiter.NextDelay();
        time.Advance(TimeSpan.FromSeconds(10));
        var afterPause = limiter.NextDelay();
        var next = limiter.NextDelay();

        Assert.Equal(TimeSpan.Zero, first);
        Assert.Equal(TimeSpan.FromMilliseconds(250), second);
        Assert.Equal(TimeSpan.FromMilliseconds(500), third);
        Assert.Equal(TimeSpan.Zero, afterPause);
        Assert.Equal(TimeSpan.FromMilliseconds(250), next);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void RateLimiter_NonPositiveRate_IsRejected(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayRateLimiter(rate, TimeProvider.System));
    }
}
