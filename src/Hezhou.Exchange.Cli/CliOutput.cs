using System.Text;
using Spectre.Console;

namespace Hezhou.Exchange.Cli;

/// <summary>
/// Where the client writes: tables for people on standard output, JSON for machines on standard output (and nothing
/// else there), messages and progress on standard error.
/// </summary>
internal sealed class CliOutput(IAnsiConsole console, TextWriter json, IAnsiConsole messages)
{
    /// <summary>Readable output: tables and summaries.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Machine output for --json: one proto3-JSON document, written unwrapped.</summary>
    public TextWriter Json { get; } = json;

    /// <summary>Progress, warnings and errors, kept off standard output so that it stays parseable.</summary>
    public IAnsiConsole Messages { get; } = messages;

    private const int RedirectedWidth = 240;

    public static CliOutput ForTerminal()
    {
        System.Console.OutputEncoding = Encoding.UTF8;
        var console = AnsiConsole.Console;
        var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        // Written to a file or a pipe, a table is better on long lines than wrapped at 80 columns.
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }
        if (System.Console.IsErrorRedirected)
        {
            errors.Profile.Width = RedirectedWidth;
        }
        return new CliOutput(console, System.Console.Out, errors);
    }
}
