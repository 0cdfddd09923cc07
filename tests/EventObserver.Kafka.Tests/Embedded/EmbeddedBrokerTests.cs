using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Demo;
using EventObserver.Kafka.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.Embedded;

public sealed class EmbeddedBrokerTests
{
    [Fact]
    public void NoBootstrapServers_StartsMockClusterWithDemoTopics()
    {
        var options = Options.Create(new KafkaOptions { EmbeddedPartitions = 2 });
        using var broker = new EmbeddedBroker(options, NullLogger<EmbeddedBroker>.Instance);
        var connection = new KafkaConnection(options, broker);

        using var admin = new Confluent.Kafka.AdminClientBuilder(connection.CreateAdminConfig("test")).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(5));

        Assert.True(broker.IsRunning);
        Assert.True(connection.IsEmbedded);
        Assert.Equal(broker.BootstrapServers, connection.BootstrapServers);
        Assert.Equal(EmbeddedBroker.BrokerCount, metadata.Brokers.Count);
        foreach (var topic in DemoTopics.All)
        {
            Assert.Equal(2, metadata.Topics.Single(t => t.Topic == topic).Partitions.Count);
        }
    }

    [Fact]
    public void ConfiguredCluster_StartsNothing_AndConnectsThere()
    {
        var options = Options.Create(new KafkaOptions { BootstrapServers = "kafka-1:9092,kafka-2:9092" });
        using var broker = new EmbeddedBroker(options, NullLogger<EmbeddedBroker>.Instance);

        var connection = new KafkaConnection(options, broker);

        Assert.False(broker.IsRunning);
        Assert.Throws<InvalidOperationException>(() => broker.BootstrapServers);
        Assert.Equal("kafka-1:9092,kafka-2:9092", connection.BootstrapServers);
        Assert.False(connection.IsEmbedded);
    }

    [Fact]
    public void ClientPassthrough_ReachesEveryClient_ButCannotTurnOnAutoCommit()
    {
        var kafka = new KafkaOptions
        {
            BootstrapServers = "kafka:9093",
            Client = { ["security.protocol"] = "SASL_SSL", ["sasl.mechanism"] = "PLAIN", ["enable.auto.commit"] = "true" },
        };
        var connection = KafkaConnection.ForCluster(kafka, kafka.BootstrapServers!);

        var consumer = connection.CreateConsumerConfig();
        var producer = connection.CreateProducerConfig("p");
        var admin = connection.CreateAdminConfig("a");

        Assert.Equal("SASL_SSL", consumer.Get("security.protocol"));
        Assert.Equal("SASL_SSL", producer.Get("security.protocol"));
        Assert.Equal("SASL_SSL", admin.Get("security.protocol"));
        Assert.Equal("PLAIN", admin.Get("sasl.mechanism"));
        Assert.False(consumer.EnableAutoCommit);
        Assert.Equal("kafka:9093", consumer.BootstrapServers);
        Assert.Equal(kafka.GroupId, consumer.GroupId);
    }

    [Fact]
    public void MockCluster_UnknownBroker_FailsWithClearMessage()
    {
        using var cluster = new MockKafkaCluster(brokers: 1);

        var error = Assert.Throws<InvalidOperationException>(() => cluster.SetBrokerDown(7));

        Assert.Contains("broker 7", error.Message);
    }
}
