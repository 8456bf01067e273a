using System.Globalization;
using System.Text.RegularExpressions;

namespace Hezhou.Exchange.Server.Tests.Telemetry;

/// <summary>The samples of a Prometheus text exposition, for asserting on them.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Value(string name, params (string Label, string Value)[] labels)
    {
        var matches = Samples(name, labels).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new Xunit.Sdk.XunitException(
                $"{matches.Count} samples of {name} with {string.Join(", ", labels)} in:\n{Text}");
    }

    public IEnumerable<double> Samples(string name, params (string Label, string Value)[] labels)
    {
        foreach (var line in Text.Split('\n'))
        {
            var match = Sample().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
            {
                continue;
            }
            var present = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["label"].Value, m => m.Groups["value"].Value);
            if (labels.All(l => present.TryGetValue(l.Label, out var value) && value == l.Value))
            {
                yield return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex("(?<label>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Label();
}
