namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbLineageGraphContractTests() : LineageGraphContract(new LiteDbIndexEngine());
