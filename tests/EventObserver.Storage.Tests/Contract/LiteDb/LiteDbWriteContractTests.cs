namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbWriteContractTests() : WriteContract(new LiteDbIndexEngine());
