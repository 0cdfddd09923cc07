namespace EventObserver.Kafka.Ingestion;

public enum BrokerState
{
    Starting,
    Connected,
    Unreachable,
}
