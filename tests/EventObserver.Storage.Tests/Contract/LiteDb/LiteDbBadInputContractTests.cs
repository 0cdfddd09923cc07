namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbBadInputContractTests() : BadInputContract(new LiteDbIndexEngine());
