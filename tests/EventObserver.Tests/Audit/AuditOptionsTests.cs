using EventObserver.Features.Audit;

namespace EventObserver.Tests.Audit;

public sealed class AuditOptionsTests
{
    [Fact]
    public void Defaults_AreValid_WithAuditDbNextToTheIndexAnd90Days()
    {
        var options = new AuditOptions();

        var result = new AuditOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(90, options.RetentionDays);
        Assert.Null(options.Topic);
        Assert.Equal(Path.Combine(Path.GetFullPath("data"), "audit.db"), options.ResolvePath(Path.Combine("data", "eventobserver.db")));
        Assert.Equal("/var/audit/log.db", new AuditOptions { Path = "/var/audit/log.db" }.ResolvePath("data/eventobserver.db"));
    }

    [Theory]
    [InlineData(0, null, "EventObserver:Audit:RetentionDays must be from 1 to 36500; it is 0.")]
    [InlineData(36501, null, "EventObserver:Audit:RetentionDays must be from 1 to 36500; it is 36501.")]
    [InlineData(90, "audit log", "EventObserver:Audit:Topic 'audit log' is not a Kafka topic name")]
    [InlineData(90, "..", "EventObserver:Audit:Topic '..' is not a Kafka topic name")]
    public void Validate_BadValue_FailsNamingTheSetting(int days, string? topic, string message)
    {
        var result = new AuditOptionsValidator().Validate(null, new AuditOptions { RetentionDays = days, Topic = topic });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LegalTopic_Passes()
    {
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions { Topic = "_eventobserver.audit-v1" }).Succeeded);
    }
}
