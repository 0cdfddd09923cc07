using EventObserver.Storage.Audit;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Audit;

public sealed class AuditStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    private string StorePath => Path.Combine(_directory.Path, AuditStore.DefaultFileName);

    [Fact]
    public void Find_NoFilter_ReturnsEveryRecordNewestFirst_TiesLaterAppendedFirst()
    {
        using var store = AuditStore.Open(StorePath);
        store.Append([Record("ReplayRun", "olga", At), Record("SignIn", "vera", At.AddMinutes(5))]);
        store.Append([Record("Publish", "olga", At.AddMinutes(5)), Record("SignOut", "vera", At.AddMinutes(-1))]);

        var page = store.Find(AuditFilter.All, skip: 0, limit: 10);

        Assert.Equal(4, page.Total);
        Assert.Equal(["Publish", "SignIn", "ReplayRun", "SignOut"], page.Records.Select(r => r.Action));
        Assert.Equal(At.AddMinutes(5), page.Records[0].At);
        Assert.True(page.Records[0].Id > page.Records[1].Id);
    }

    [Fact]
    public void Find_Filters_ApplyTogether_AndTheTotalCountsEveryMatchBeyondThePage()
    {
        using var store = AuditStore.Open(StorePath);
        store.Append(
        [
            Record("ReplayRun", "Olga", At, detail: "selection ?topic=orders"),
            Record("ReplayRun", "olga", At.AddMinutes(1), detail: "selection ?topic=payments"),
            Record("ReplayRun", "olga", At.AddMinutes(2), detail: "selection ?topic=ORDERS.events"),
            Record("DryRun", "olga", At.AddMinutes(3), detail: "selection ?topic=orders"),
            Record("ReplayRun", "vera", At.AddMinutes(4), detail: "selection ?topic=orders"),
            Record("ReplayRun", "olga", At.AddHours(2), detail: "selection ?topic=orders"),
        ]);
        var filter = new AuditFilter { From = At, To = At.AddHours(1), Actor = " OLGA ", Action = "replayrun", Text = "orders" };

        var first = store.Find(filter, skip: 0, limit: 1);
        var second = store.Find(filter, skip: 1, limit: 1);
        var beyond = store.Find(filter, skip: 2, limit: 1);

        Assert.Equal(2, first.Total);
        Assert.Equal(At.AddMinutes(2), Assert.Single(first.Records).At);
        Assert.Equal(At, Assert.Single(second.Records).At);
        Assert.Empty(beyond.Records);
        Assert.Equal(2, beyond.Total);
    }

    [Fact]
    public void Find_Text_MatchesTargetAndAddressToo()
    {
        using var store = AuditStore.Open(StorePath);
        store.Append(
        [
            Record("Publish", "olga", At) with { Target = "replay.orders" },
            Record("SignIn", "vera", At) with { RemoteAddress = "10.0.0.7" },
            Record("SignIn", "ivan", At),
        ]);

        Assert.Equal("olga", Assert.Single(store.Find(new AuditFilter { Text = "REPLAY.orders" }, 0, 10).Records).Actor);
        Assert.Equal("vera", Assert.Single(store.Find(new AuditFilter { Text = "10.0.0" }, 0, 10).Records).Actor);
    }

    [Fact]
    public void Reopen_RecordsSurviveWithEveryField()
    {
        var record = new AuditRecord
        {
            At = At.AddMilliseconds(123),
            Action = "Publish",
            Actor = "olga",
            Target = "replay.orders",
            Detail = "refused: disabled",
            Succeeded = false,
            RemoteAddress = "::1",
        };
        using (var store = AuditStore.Open(StorePath))
        {
            store.Append([record]);
        }

        using var reopened = AuditStore.Open(StorePath);

        Assert.Equal(record with { Id = 1 }, Assert.Single(reopened.Find(AuditFilter.All, 0, 10).Records));
    }

    [Fact]
    public void DeleteOlderThan_RemovesOnlyRecordsBeforeTheCutoff()
    {
        using var store = AuditStore.Open(StorePath);
        store.Append([Record("SignIn", "old", At.AddDays(-91)), Record("SignIn", "edge", At.AddDays(-90)), Record("SignIn", "new", At)]);

        var deleted = store.DeleteOlderThan(At.AddDays(-90));

        Assert.Equal(1, deleted);
        Assert.Equal(["new", "edge"], store.Find(AuditFilter.All, 0, 10).Records.Select(r => r.Actor));
        Assert.Equal(2, store.Count());
    }

    [Fact]
    public void PathNextTo_IndexFile_IsAuditDbInTheSameFolder()
    {
        var path = AuditStore.PathNextTo(Path.Combine(_directory.Path, "data", "eventobserver.db"));

        Assert.Equal(Path.Combine(_directory.Path, "data", "audit.db"), path);
    }

    public void Dispose() => _directory.Dispose();

    private static AuditRecord Record(string action, string actor, DateTimeOffset at, string? detail = null) =>
        new() { Action = action, Actor = actor, At = at, Detail = detail };
}
