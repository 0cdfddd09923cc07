namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbNewestWindowContractTests() : NewestWindowContract(new LiteDbIndexEngine());
