namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbRetentionContractTests() : RetentionContract(new LiteDbIndexEngine());
