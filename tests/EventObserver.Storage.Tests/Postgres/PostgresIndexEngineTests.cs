using EventObserver.Storage.Tests.Contract;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIndexEngineTests
{
    [PostgresFact]
    public void Open_SameStoreAfterClose_HasTheSameDataAndOtherStoresAreEmpty()
    {
        using var engine = new PostgresIndexEngine();
        var index = engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        engine.Close(index);

        var reopened = engine.Open();
        var other = engine.Open("Other-Store");

        Assert.Equal(10, reopened.GetStatistics().TotalEvents);
        Assert.Equal(0, other.GetStatistics().TotalEvents);
        Assert.Equal("Postgres", engine.Name);
    }

    [PostgresFact]
    public void Open_TwoEngines_DoNotShareStores()
    {
        using var first = new PostgresIndexEngine();
        using var second = new PostgresIndexEngine();

        first.Open().Write(Envelopes.Range("orders", 0, 0, 4));

        Assert.Equal(0, second.Open().GetStatistics().TotalEvents);
    }

    [Fact]
    public void Open_StoreNameThatIsNoIdentifier_IsRefused()
    {
        using var engine = new PostgresIndexEngine();

        Assert.Throws<ArgumentException>(() => engine.Open("a\"b"));
    }
}
