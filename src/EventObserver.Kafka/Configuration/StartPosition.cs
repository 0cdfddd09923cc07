namespace EventObserver.Kafka.Configuration;

public enum StartPosition
{
    Earliest,
    Latest,
}
