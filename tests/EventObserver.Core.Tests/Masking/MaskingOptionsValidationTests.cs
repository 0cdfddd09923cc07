using EventObserver.Core.Masking;

namespace EventObserver.Core.Tests.Masking;

public sealed class MaskingOptionsValidationTests
{
    private const string Section = "EventObserver:Masking";

    [Theory]
    [InlineData(null, null, null, "EventObserver:Masking:Rules:1 must set exactly one of JsonPath, Header or Pattern; it sets none.")]
    [InlineData("$.a", "h", null, "EventObserver:Masking:Rules:1 must set exactly one of JsonPath, Header or Pattern; it sets JsonPath and Header.")]
    [InlineData("$.a", null, "x", "EventObserver:Masking:Rules:1 must set exactly one of JsonPath, Header or Pattern; it sets JsonPath and Pattern.")]
    [InlineData("$.a[", null, null, "EventObserver:Masking:Rules:1:JsonPath '$.a[' is not a JSON path masking reads")]
    [InlineData("$.a.", null, null, "EventObserver:Masking:Rules:1:JsonPath '$.a.' is not a JSON path masking reads")]
    [InlineData(null, null, "(unclosed", "EventObserver:Masking:Rules:1:Pattern '(unclosed' is not a regular expression masking can run")]
    [InlineData(null, null, @"(a)\1", "EventObserver:Masking:Rules:1:Pattern '(a)\\1' is not a regular expression masking can run")]
    [InlineData(null, null, "x*", "EventObserver:Masking:Rules:1:Pattern 'x*' matches the empty string")]
    public void BadSecondRule_MessageNamesItsIndex(string? path, string? header, string? pattern, string expected)
    {
        var options = new MaskingOptions { Rules = [new MaskingRule { Header = "ok" }, new MaskingRule { JsonPath = path, Header = header, Pattern = pattern }] };

        var failure = Assert.Single(MaskingOptionsValidation.Validate(options, Section));

        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BadTopicRegex_MessageNamesTheTopicSetting()
    {
        var options = new MaskingOptions { Rules = [new MaskingRule { Topic = "orders.(", Header = "h" }] };

        Assert.StartsWith("EventObserver:Masking:Rules:0:Topic 'orders.(' is not a valid regular expression", Assert.Single(MaskingOptionsValidation.Validate(options, Section)), StringComparison.Ordinal);
    }

    [Fact]
    public void HashWithoutSalt_IsRefusedNamingHashSalt()
    {
        var options = new MaskingOptions { Rules = [new MaskingRule { Header = "h", Action = MaskingAction.Hash }] };

        var failure = Assert.Single(MaskingOptionsValidation.Validate(options, Section));

        Assert.StartsWith("EventObserver:Masking:Rules:0:Action is Hash, which needs EventObserver:Masking:HashSalt", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortSalt_IsRefusedWithoutShowingIt()
    {
        var options = new MaskingOptions { HashSalt = "short-secret", Rules = [new MaskingRule { Header = "h", Action = MaskingAction.Hash }] };

        var failure = Assert.Single(MaskingOptionsValidation.Validate(options, Section));

        Assert.Equal("EventObserver:Masking:HashSalt must be at least 16 characters long; it has 12.", failure);
    }

    [Fact]
    public void UndefinedAction_IsRefused()
    {
        var options = new MaskingOptions { Rules = [new MaskingRule { Header = "h", Action = (MaskingAction)42 }] };

        Assert.StartsWith("EventObserver:Masking:Rules:0:Action '42' is not one of Mask, Remove, Hash, KeepLast4", Assert.Single(MaskingOptionsValidation.Validate(options, Section)), StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyRules_AreRefused()
    {
        var options = new MaskingOptions { Rules = [.. Enumerable.Range(0, 65).Select(i => new MaskingRule { Header = "h" + i })] };

        Assert.Equal("EventObserver:Masking:Rules holds 65 rules; at most 64 are allowed.", Assert.Single(MaskingOptionsValidation.Validate(options, Section)));
    }

    [Fact]
    public void EveryBadRule_IsReportedAtOnce()
    {
        var options = new MaskingOptions { Rules = [new MaskingRule(), new MaskingRule { Header = "ok" }, new MaskingRule { Pattern = "[" }] };

        var failures = MaskingOptionsValidation.Validate(options, Section);

        Assert.Equal(2, failures.Count);
        Assert.Contains(":Rules:0 ", failures[0], StringComparison.Ordinal);
        Assert.Contains(":Rules:2:Pattern", failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void GoodRules_HaveNoFailures()
    {
        var options = new MaskingOptions
        {
            HashSalt = "0123456789abcdef0123",
            Rules =
            [
                new MaskingRule { Topic = "^payments", JsonPath = "$.card.number", Action = MaskingAction.KeepLast4 },
                new MaskingRule { JsonPath = "$..cvv", Action = MaskingAction.Remove },
                new MaskingRule { JsonPath = "$.lines[*].price" },
                new MaskingRule { Header = "x-customer", Action = MaskingAction.Hash },
                new MaskingRule { Pattern = @"\b\d{16}\b" },
            ],
        };

        Assert.Empty(MaskingOptionsValidation.Validate(options, Section));
    }
}
