namespace EventObserver.Storage.Tests.Contract.LiteDb;

public sealed class LiteDbRoundTripContractTests() : RoundTripContract(new LiteDbIndexEngine());
