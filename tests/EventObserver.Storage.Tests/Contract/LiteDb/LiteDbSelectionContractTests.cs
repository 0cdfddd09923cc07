namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbSelectionContractTests() : SelectionContract(new LiteDbIndexEngine());
