namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbReadRangeContractTests() : ReadRangeContract(new LiteDbIndexEngine());
