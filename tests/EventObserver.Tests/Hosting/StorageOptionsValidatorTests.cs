using EventObserver.Configuration;
using EventObserver.Storage.Configuration;

namespace EventObserver.Tests.Hosting;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_SucceedOnLiteDb()
    {
        var options = new StorageOptions();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(StorageProvider.LiteDb, options.Provider);
    }

    [Fact]
    public void Validate_PostgresWithConnectionString_Succeeds()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Username=eo;Password=secret;Database=eo" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_PostgresWithoutConnectionString_NamesTheSetting()
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = StorageProvider.Postgres });

        Assert.Contains("EventObserver:Storage:ConnectionString is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PostgresWithBrokenConnectionString_SaysSoWithoutThePassword()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Pasword=hunter2" };

        var result = _validator.Validate(null, options);

        Assert.Contains("EventObserver:Storage:ConnectionString is not a valid PostgreSQL connection string", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Event-Observer")]
    [InlineData("")]
    [InlineData("1schema")]
    public void Validate_PostgresWithUnusableSchema_NamesTheSetting(string schema)
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db", Schema = schema };

        var result = _validator.Validate(null, options);

        Assert.Contains("EventObserver:Storage:Schema", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LiteDbWithoutConnectionString_IgnoresThePostgresSettings()
    {
        var options = new StorageOptions { ConnectionString = "not=valid=at=all", Schema = "Bad-Name" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_UndefinedProvider_ListsTheChoices()
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = (StorageProvider)7 });

        Assert.Contains("EventObserver:Storage:Provider must be LiteDb or Postgres", result.FailureMessage, StringComparison.Ordinal);
    }
}
