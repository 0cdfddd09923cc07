namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbRetentionGapContractTests() : RetentionGapContract(new LiteDbIndexEngine());
