using System.Text;

using EventObserver.Access.Options;

using Microsoft.AspNetCore.Identity;

namespace EventObserver.Access.Authentication;

/// <summary>
/// <c>dotnet run --project src/EventObserver -- hash-password</c>: reads a password (the first line of standard input
/// when it is redirected, else typed twice at a prompt without echo) and prints its ASP.NET Core Identity hash for
/// <c>EventObserver:Auth:Users:N:PasswordHash</c>. Only the hash goes to standard output, so it can be captured.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static bool Matches(IReadOnlyList<string> args) => args is [Name, ..];

    /// <summary>Runs the command on the process's console; returns the exit code.</summary>
    public static int Run() =>
        Run(Console.In, Console.Out, Console.Error, Console.IsInputRedirected ? null : PromptWithoutEcho);

    /// <param name="prompt">Asks for a password at a terminal; null when the password comes from <paramref name="input"/>.</param>
    public static int Run(TextReader input, TextWriter output, TextWriter error, Func<string, TextWriter, string?>? prompt)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? password;
        if (prompt is null)
        {
            password = input.ReadLine();
        }
        else
        {
            password = prompt("Password: ", error);
            if (!string.IsNullOrEmpty(password) && prompt("Repeat it: ", error) != password)
            {
                error.WriteLine("The two passwords differ; nothing was printed.");
                return 1;
            }
        }

        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password given: type one, or pipe it in (e.g. printf '%s\\n' \"$PASSWORD\" | dotnet run --project src/EventObserver -- hash-password).");
            return 1;
        }

        output.WriteLine(new PasswordHasher<LocalUserOptions>().HashPassword(new LocalUserOptions(), password));
        return 0;
    }

    private static string? PromptWithoutEcho(string text, TextWriter error)
    {
        error.Write(text);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                error.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
