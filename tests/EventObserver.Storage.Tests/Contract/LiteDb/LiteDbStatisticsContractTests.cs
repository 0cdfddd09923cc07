namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbStatisticsContractTests() : StatisticsContract(new LiteDbIndexEngine());
