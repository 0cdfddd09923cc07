using System.Text;

using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Core.Selection;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using static EventObserver.Tests.Access.AccessAppFixture;

using LiveFeed = EventObserver.Core.Feed.LiveFeed;

namespace EventObserver.Tests.Access;

/// <summary>The index and the live feed as one user sees them, over a real index and feed.</summary>
public sealed class AccessViewTests : IDisposable
{
    private static readonly UserAccess Shop = Restricted([@"shop\..*"]);
    private static readonly UserAccess Nobody = Restricted(["nothing-matches"]);

    private readonly TempDirectory _dir = new();
    private readonly EventIndexProvider _provider;
    private readonly IEventIndex _index;
    private readonly FakeMasker _masker = new(PaymentsTopic);

    public AccessViewTests()
    {
        _provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = _dir.File("view.db") }), NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
        _index = _provider.OpenForCluster("c");
        _index.Write([.. Readable(), .. Denied()], [new RetentionGap(DeniedTopic, 0, 100, 199, Envelopes.BaseTime)]);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Over_UnrestrictedUserWithoutMasking_IsTheIndexItself()
    {
        var view = new AccessView(UserAccess.System, _masker);

        Assert.True(view.IsTransparent);
        Assert.Same(_index, view.Over(_index));
    }

    [Fact]
    public void Query_UserWhoReadsNoTopic_GetsNothingRatherThanEverything()
    {
        var index = new AccessView(Nobody, NoMasking.Instance).Over(_index);

        Assert.Empty(index.Query(EventSelection.All));
        Assert.Equal(0, index.Count(new EventRange()));
        Assert.Empty(index.ReadOldestFirst(new EventRange()));
        Assert.Empty(index.GetStatistics().Topics);
    }

    [Fact]
    public void Reads_RestrictedUser_CoverReadableTopicsOnly()
    {
        var index = new AccessView(Shop, NoMasking.Instance).Over(_index);

        Assert.Equal(ReadableCount, index.Query(EventSelection.All with { Limit = 1000 }).Count);
        Assert.Equal(ReadableCount, index.Count(new EventRange()));
        Assert.Equal(ReadableCount, index.ReadOldestFirst(new EventRange()).Count());
        Assert.Null(index.Get(DeniedTopic, 0, 10));
        Assert.Empty(index.Query(EventSelection.All with { CorrelationId = DeniedCorrelation }));
        Assert.NotNull(index.Get(OrdersTopic, 0, 0));
    }

    [Fact]
    public void StatisticsAndGaps_RestrictedUser_NameReadableTopicsOnly()
    {
        var index = new AccessView(Shop, NoMasking.Instance).Over(_index);

        var statistics = index.GetStatistics();

        Assert.Equal([OrdersTopic, PaymentsTopic], statistics.Topics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((ReadableCount, 0L, 0L), (statistics.TotalEvents, statistics.RetentionGaps, statistics.MessagesLost));
        Assert.Empty(index.GetRetentionGaps());
        Assert.Empty(index.GetRetentionGaps(DeniedTopic));
        Assert.DoesNotContain(index.GetCheckpoints().Keys, k => k.Topic == DeniedTopic);
        Assert.Single(_index.GetRetentionGaps());
    }

    [Fact]
    public void Reads_UserWithoutUnmask_GetMaskedEnvelopes()
    {
        var index = new AccessView(Shop, _masker).Over(_index);

        var payment = index.Get(PaymentsTopic, 0, 2)!;
        var read = index.ReadOldestFirst(new EventRange { Selection = new EventSelection { Topics = [PaymentsTopic] } }).Single();

        Assert.Contains(FakeMasker.MaskedValue, Encoding.UTF8.GetString(payment.Payload!), StringComparison.Ordinal);
        Assert.Contains(FakeMasker.MaskedValue, Encoding.UTF8.GetString(read.Payload!), StringComparison.Ordinal);
        Assert.Equal("test-service", index.Get(OrdersTopic, 0, 0)!.Source);
    }

    [Fact]
    public void FreeTextForAMaskedValue_MatchesOnlyWhatTheUserSees_AndCountAgreesWithTheRead()
    {
        var masked = new AccessView(Shop, _masker).Over(_index);
        var raw = new AccessView(Restricted([@"shop\..*"], unmask: true), _masker).Over(_index);
        var byRawValue = new EventRange { Selection = new EventSelection { Text = FakeMasker.RawValue } };
        var byMaskedValue = new EventRange { Selection = new EventSelection { Text = FakeMasker.MaskedValue } };

        Assert.Equal((0L, 0), (masked.Count(byRawValue), masked.ReadOldestFirst(byRawValue).Count()));
        Assert.Empty(masked.Query(byRawValue.Selection));
        Assert.Equal((1L, 1), (raw.Count(byRawValue), raw.ReadOldestFirst(byRawValue).Count()));
        Assert.Equal(0, masked.Count(byMaskedValue));
    }

    [Fact]
    public void Write_ThroughAUsersView_IsRefused()
    {
        var index = new AccessView(Shop, NoMasking.Instance).Over(_index);

        Assert.Throws<NotSupportedException>(() => index.Write([Readable()[0]]));
    }

    [Fact]
    public void Lineage_RestrictedUser_LeavesDeniedMessagesOut()
    {
        var lineage = new AccessView(Shop, NoMasking.Instance).Over(_index).Lineage;

        Assert.Empty(lineage.FindByCorrelationId(DeniedCorrelation, 100));
        Assert.Null(lineage.Get(new EventPosition(DeniedTopic, 0, 10)));
        Assert.Equal(2, lineage.FindByCorrelationId("conv-1", 100).Count);
    }

    [Fact]
    public void Subscribe_TransparentView_IsTheFeedsOwnSubscription()
    {
        var feed = new LiveFeed();

        using var subscription = AccessFeed.Subscribe(feed, EventSelection.All, 10, new AccessView(UserAccess.System, NoMasking.Instance));

        Assert.Equal("FeedSubscription", subscription.GetType().Name);
    }

    [Fact]
    public async Task Subscribe_RestrictedUser_ReadsReadableEventsMasked()
    {
        var feed = new LiveFeed();
        using var subscription = AccessFeed.Subscribe(feed, EventSelection.All, 100, new AccessView(Shop, _masker));

        feed.Publish([.. Denied(), .. Readable(), .. Denied()]);
        var read = new List<EventEnvelope>();
        while (read.Count < ReadableCount && await subscription.Reader.WaitToReadAsync())
        {
            while (subscription.Reader.TryRead(out var envelope))
            {
                read.Add(envelope);
            }
        }

        Assert.Equal([OrdersTopic, OrdersTopic, PaymentsTopic], read.Select(e => e.Topic));
        Assert.Equal(FakeMasker.MaskedSource, read[2].Source);
        Assert.False(subscription.Reader.TryRead(out _));
    }

    [Fact]
    public void Recent_RestrictedUser_FindsReadableEventsBehindManyDeniedOnes()
    {
        var feed = new LiveFeed();
        feed.Publish(Readable());
        feed.Publish([.. Enumerable.Range(0, 50).Select(i => DeniedEvent(100 + i))]);

        var recent = AccessFeed.Recent(feed, EventSelection.All, 2, new AccessView(Shop, _masker));

        Assert.Equal(["shop.payments/0/2", "shop.orders/0/1"], recent.Select(e => e.Id));
        Assert.Equal(FakeMasker.MaskedSource, recent[0].Source);
    }

    private static UserAccess Restricted(string[] allow, bool unmask = false)
    {
        var rules = new TopicAccessRules([new TopicAccessRule { Group = "g", Allow = [.. allow] }]);
        var roles = new HashSet<string>([AccessRoles.Viewer], StringComparer.Ordinal);
        return new UserAccess("u", isAuthenticated: true, unmask ? [AccessRoles.Viewer, AccessRoles.Unmask] : [AccessRoles.Viewer],
            rules.For(roles, new HashSet<string>(["g"], StringComparer.Ordinal)), seesRawValues: unmask);
    }
}
