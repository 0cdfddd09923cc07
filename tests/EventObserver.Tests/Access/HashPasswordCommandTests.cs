using EventObserver.Access.Authentication;
using EventObserver.Access.Options;

using Microsoft.AspNetCore.Identity;

namespace EventObserver.Tests.Access;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public void Run_PasswordOnRedirectedInput_PrintsAHashThatVerifies()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("s3cret pass\n"), output, error, prompt: null);

        Assert.Equal(0, exit);
        var hash = output.ToString().Trim();
        Assert.True(AuthOptionsValidator.IsPasswordHash(hash));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<LocalUserOptions>().VerifyHashedPassword(new LocalUserOptions(), hash, "s3cret pass"));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Run_EmptyInput_FailsWithoutPrinting()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader(""), output, error, prompt: null);

        Assert.Equal(1, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("No password given", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PromptedTwiceDifferently_FailsWithoutPrinting()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var answers = new Queue<string>(["one", "two"]);

        var exit = HashPasswordCommand.Run(TextReader.Null, output, error, (_, _) => answers.Dequeue());

        Assert.Equal(1, exit);
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData(new[] { "hash-password" }, true)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    public void Matches_Arguments_OnlyTheCommandFirst(string[] args, bool matches) =>
        Assert.Equal(matches, HashPasswordCommand.Matches(args));
}
