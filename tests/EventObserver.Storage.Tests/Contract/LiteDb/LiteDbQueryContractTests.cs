namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbQueryContractTests() : QueryContract(new LiteDbIndexEngine());
