namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbAtomicityContractTests() : AtomicityContract(new LiteDbIndexEngine());
