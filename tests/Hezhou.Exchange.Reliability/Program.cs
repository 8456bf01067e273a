using System.Globalization;

namespace Hezhou.Exchange.Reliability;

/// <summary>
/// Runs the crash trials outside the test suite, on the whole default data set (or a slice of it):
/// <c>dotnet run -c Release --project tests/Hezhou.Exchange.Reliability -- crash [--trials N] [--seed N] [--slice HOUSEHOLDS]</c>.
/// Exits 0 when every trial's store equals the uninterrupted run's, 1 when one differs, 2 on a wrong command line.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: crash [--trials N (10)] [--seed N (6)] [--kills N (most kills a trial, 3)] " +
        "[--slice HOUSEHOLDS (the whole default data set when absent)]";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "crash" || args.Length % 2 != 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var options = new Dictionary<string, int> { ["--trials"] = 10, ["--seed"] = 6, ["--kills"] = 3 };
        int? slice = null;
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                Console.Error.WriteLine($"{args[i]} takes a positive whole number\n{Usage}");
                return 2;
            }
            if (args[i] == "--slice")
            {
                slice = value;
            }
            else if (options.ContainsKey(args[i]))
            {
                options[args[i]] = value;
            }
            else
            {
                Console.Error.WriteLine($"unknown option {args[i]}\n{Usage}");
                return 2;
            }
        }

        var data = slice is { } households ? TrialData.Slice(households) : TrialData.FullDataSet();
        var trials = new CrashTrials(
            data, options["--trials"], options["--seed"], options["--kills"], trialTimeout: TimeSpan.FromHours(1),
            log: line => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}"));
        var report = await trials.RunAsync();
        Console.WriteLine(report.Summary);
        return report.TrialsEqual == report.Trials.Count ? 0 : 1;
    }
}
