using Spectre.Console;

namespace Hezhou.Exchange.Cli.Tests.Infrastructure;

/// <summary>What one run of the client printed, and its exit code.</summary>
/// <param name="Output">The readable output (standard output, without --json).</param>
/// <param name="Json">What --json wrote to standard output.</param>
/// <param name="Messages">Progress and errors (standard error).</param>
internal sealed record CliResult(int ExitCode, string Output, string Json, string Messages);

/// <summary>Runs the client in-process through the same command app the entry point builds, capturing its output.</summary>
internal static class CommandLine
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(5), args);

    public static async Task<CliResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        var output = new StringWriter();
        var json = new StringWriter();
        var messages = new StringWriter();
        var app = CliApplication.Create(new CliOutput(Console(output), json, Console(messages)));
        var exitCode = await app.RunAsync(args).WaitAsync(timeout);
        return new CliResult(exitCode, output.ToString(), json.ToString(), messages.ToString());
    }

    private static IAnsiConsole Console(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // Wide enough that no table wraps a citizen ID or a key across lines.
        console.Profile.Width = 400;
        return console;
    }
}
