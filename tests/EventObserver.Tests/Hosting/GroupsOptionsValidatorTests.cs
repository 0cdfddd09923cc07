using EventObserver.Configuration;
using EventObserver.Kafka.Configuration;

using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Hosting;

public sealed class GroupsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_OnEmbeddedAndRealCluster_Succeed()
    {
        Assert.True(Validate(new GroupsOptions(), embedded: true).Succeeded);
        Assert.True(Validate(new GroupsOptions { Discovery = GroupDiscovery.AdminClient, Known = ["billing"] }, embedded: false).Succeeded);
    }

    [Fact]
    public void Validate_AdminClientOnTheEmbeddedBroker_FailsExplainingWhy()
    {
        var result = Validate(new GroupsOptions { Discovery = GroupDiscovery.AdminClient }, embedded: true);

        Assert.Contains("EventObserver:Groups:Discovery=AdminClient cannot be used with the embedded broker", result.FailureMessage);
    }

    [Theory]
    [InlineData("RefreshInterval", "00:00:00.500", "EventObserver:Groups:RefreshInterval must be between 00:00:01 and 01:00:00; it is 00:00:00.5000000.")]
    [InlineData("HistoryRetention", "00:00:05", "EventObserver:Groups:HistoryRetention must be at least EventObserver:Groups:RefreshInterval (00:00:10)")]
    [InlineData("RequestTimeout", "00:00:00", "EventObserver:Groups:RequestTimeout must be between 00:00:00.1 and 00:05:00; it is 00:00:00.")]
    public void Validate_TimeOutOfRange_FailsNamingTheSetting(string setting, string value, string expected)
    {
        var options = new GroupsOptions();
        var time = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        _ = setting switch
        {
            "RefreshInterval" => options.RefreshInterval = time,
            "HistoryRetention" => options.HistoryRetention = time,
            _ => options.RequestTimeout = time,
        };

        var result = Validate(options, embedded: false);

        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Validate_KnownGroupsBlankOrTheObserversOwn_FailNamingThem()
    {
        var result = Validate(new GroupsOptions { Known = ["billing", " ", "eventobserver"] }, embedded: false);

        Assert.Contains("EventObserver:Groups:Known:1 is empty", result.FailureMessage);
        Assert.Contains("EventObserver:Groups:Known lists 'eventobserver', the observer's own group", result.FailureMessage);
    }

    [Fact]
    public void Validate_UndefinedDiscovery_FailsListingTheChoices()
    {
        var result = Validate(new GroupsOptions { Discovery = (GroupDiscovery)7 }, embedded: false);

        Assert.Contains("EventObserver:Groups:Discovery must be Auto, AdminClient or KnownGroups", result.FailureMessage);
    }

    private static ValidateOptionsResult Validate(GroupsOptions options, bool embedded) =>
        new GroupsOptionsValidator(Options.Create(new KafkaOptions { BootstrapServers = embedded ? null : "kafka:9092" })).Validate(null, options);
}
