using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Tests.Decoding.Schemas;

public sealed class PayloadDecoderOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("eo-schemas-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Validate_MissingFile_NamesTheEntryAndThePath()
    {
        var missing = Path.Combine(_directory, "missing.avsc");
        var options = new DecodingOptions { Schemas = [new LocalSchemaBinding { Topic = "^payments$", File = missing }] };

        var failure = Assert.Single(PayloadDecoder.Validate(options));

        Assert.StartsWith("EventObserver:Decoding:Schemas:0:File", failure, StringComparison.Ordinal);
        Assert.Contains(missing, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadTopicRegex_NamesTheEntry()
    {
        var file = Path.Combine(_directory, "x.txt");
        File.WriteAllText(file, "{}");
        var options = new DecodingOptions
        {
            Schemas = [new LocalSchemaBinding { Topic = "([unclosed", File = file }],
            MessagePackTopics = ["ok", "*bad"],
        };

        var failures = PayloadDecoder.Validate(options);

        Assert.Contains(failures, f => f.StartsWith("EventObserver:Decoding:Schemas:0:Topic '([unclosed' is not a valid regex", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("EventObserver:Decoding:MessagePackTopics:1 '*bad' is not a valid regex", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("EventObserver:Decoding:Schemas:0:File", StringComparison.Ordinal) && f.Contains("'.txt' is not a schema file extension", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyTopicAndFile_AreNamed()
    {
        var options = new DecodingOptions { Schemas = [new LocalSchemaBinding()] };

        var failures = PayloadDecoder.Validate(options);

        Assert.Contains("EventObserver:Decoding:Schemas:0:Topic must be a topic regex (e.g. ^payments\\.).", failures);
        Assert.Contains("EventObserver:Decoding:Schemas:0:File must name an .avsc, .proto or descriptor-set file.", failures);
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsOneArgumentExceptionWithEveryProblem()
    {
        var options = new DecodingOptions
        {
            Schemas = [new LocalSchemaBinding { Topic = "^a$", File = Path.Combine(_directory, "gone.proto") }],
            MessagePackTopics = ["("],
        };

        var ex = Assert.Throws<ArgumentException>(() => new PayloadDecoder(options, NoSchemaRegistry.Instance));

        Assert.Contains("Schemas:0:File", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MessagePackTopics:0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultOptions_HasNoFailures()
    {
        Assert.Empty(PayloadDecoder.Validate(new DecodingOptions()));
    }
}
