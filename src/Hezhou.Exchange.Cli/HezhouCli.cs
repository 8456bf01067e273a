namespace Hezhou.Exchange.Cli;

/// <summary>The entry point of the hezhou command.</summary>
internal static class HezhouCli
{
    private static Task<int> Main(string[] args) => CliApplication.Create(CliOutput.ForTerminal()).RunAsync(args);
}
