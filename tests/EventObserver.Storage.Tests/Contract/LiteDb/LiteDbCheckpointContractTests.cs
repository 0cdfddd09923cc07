namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbCheckpointContractTests() : CheckpointContract(new LiteDbIndexEngine());
