namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbTextSearchContractTests() : TextSearchContract(new LiteDbIndexEngine());
