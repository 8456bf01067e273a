using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli;

/// <summary>Says which option a misspelled one was meant to be, from the options the command has.</summary>
internal static partial class UnknownOptions
{
    public static string Explain(string message, IReadOnlyList<string> arguments)
    {
        var match = UnknownOption().Match(message);
        if (!match.Success)
        {
            return message;
        }
        var typed = match.Groups["name"].Value.TrimStart('-');
        var written = arguments.FirstOrDefault(a => a.TrimStart('-').Split('=')[0] == typed && a.StartsWith('-')) ?? $"--{typed}";
        written = written.Split('=')[0];
        var command = arguments.FirstOrDefault(CliApplication.SettingsOfCommands.ContainsKey);
        var nearest = command is null ? null : Nearest(typed, OptionsOf(CliApplication.SettingsOfCommands[command]));
        return nearest is null
            ? $"Unknown option {written}."
            : $"Unknown option {written}. Did you mean --{nearest}?";
    }

    /// <summary>The long names of a settings type's options, its base types' included.</summary>
    public static IEnumerable<string> OptionsOf(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .Where(a => a is not null)
            .SelectMany(a => a!.LongNames);

    private static string? Nearest(string typed, IEnumerable<string> options) => options
        .Select(option => (Option: option, Distance: Distance(typed.ToLowerInvariant(), option)))
        .Where(c => c.Distance <= Math.Max(2, c.Option.Length / 3))
        .OrderBy(c => c.Distance)
        .Select(c => c.Option)
        .FirstOrDefault();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex("Unknown option '(?<name>[^']+)'")]
    private static partial Regex UnknownOption();
}
