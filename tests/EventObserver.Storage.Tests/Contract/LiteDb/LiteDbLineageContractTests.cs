namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbLineageContractTests() : LineageContract(new LiteDbIndexEngine());
