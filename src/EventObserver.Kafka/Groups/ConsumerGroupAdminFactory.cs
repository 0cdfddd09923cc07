using Confluent.Kafka;
using EventObserver.Core.Groups;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Groups;

/// <summary>Picks how groups are found (<see cref="GroupsOptions.Discovery"/>) and creates that admin over a real admin client.</summary>
public static partial class ConsumerGroupAdminFactory
{
    /// <summary>
    /// True when only known groups may be asked about: always with <see cref="GroupDiscovery.KnownGroups"/>, and with
    /// <see cref="GroupDiscovery.Auto"/> on the embedded broker, whose mock cluster aborts the process when asked to list
    /// groups. <see cref="GroupDiscovery.AdminClient"/> on the embedded broker is refused by the options validator.
    /// </summary>
    public static bool UsesKnownGroups(GroupDiscovery discovery, bool embeddedBroker) => discovery switch
    {
        GroupDiscovery.KnownGroups => true,
        GroupDiscovery.AdminClient => false,
        _ => embeddedBroker,
    };

    public static IConsumerGroupAdmin Create(GroupsOptions options, KafkaConnection connection, LocalGroupMembers local, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(ConsumerGroupAdminFactory).FullName!);
        var admin = new AdminClientBuilder(connection.CreateAdminConfig("eventobserver-groups"))
            .SetLogHandler((_, message) =>
            {
                if (message.Level <= SyslogLevel.Warning)
                {
                    LogClient(logger, message.Facility, message.Message);
                }
            })
            .Build();
        var ownGroupId = connection.Options.GroupId;
        if (UsesKnownGroups(options.Discovery, connection.IsEmbedded))
        {
            return new KnownGroupsAdmin(admin, options, local, ownGroupId, ownsAdmin: true, memberConfig: connection.CreateDemoConsumerConfig);
        }

        return new AdminClientGroupAdmin(admin, options, ownGroupId, ownsAdmin: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group admin client: {Facility} {Message}")]
    private static partial void LogClient(ILogger logger, string facility, string message);
}
