using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hezhou.Exchange.Bench;

/// <summary>
/// One measured figure beside the ceiling it is judged against. Ratio is value / ceiling; Target says which ratio
/// passes ("≥ 0.5": at least half the ceiling; "≤ 1": within a limit).
/// </summary>
internal sealed record Figure(string Name, double Value, string Unit, double Ceiling, string CeilingFrom, string Target)
{
    public double Ratio => Ceiling == 0 ? double.NaN : Value / Ceiling;

    /// <summary>Whether the target is met; null for a figure measured beside the others without a target.</summary>
    public bool? Met => Target switch
    {
        ['≥', ' ', .. var bound] => Ratio >= double.Parse(bound, CultureInfo.InvariantCulture),
        ['≤', ' ', .. var bound] => Ratio <= double.Parse(bound, CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>
/// The run's figures: a table on the console, results/latest.json and results/latest.md, and one line appended to
/// the results file (JSON Lines), which keeps every run's figures beside the others.
/// </summary>
internal sealed class Report(string mode)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>One run on one line of the results file; a figure without a ceiling or target leaves those fields out.</summary>
    private static readonly JsonSerializerOptions Line = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<Figure> figures = [];

    public IReadOnlyList<Figure> Figures => figures;

    public void Add(Figure figure)
    {
        figures.Add(figure);
        Console.WriteLine($"  {figure.Name,-34} {Format(figure.Value),12} {figure.Unit,-10} ceiling {Format(figure.Ceiling),12} " +
            $"({figure.CeilingFrom}) ratio {Format(figure.Ratio)} target {figure.Target} {figure.Met switch { true => "met", false => "NOT MET", null => "" }}");
    }

    public async Task WriteAsync(string folder, string machine, TimeSpan elapsed)
    {
        Directory.CreateDirectory(folder);
        var json = figures.Select(f => new
        {
            f.Name,
            Value = Round(f.Value),
            f.Unit,
            Ceiling = Round(f.Ceiling),
            f.CeilingFrom,
            Ratio = Round(f.Ratio),
            f.Target,
            f.Met,
        });
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(json, Json) + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), Markdown(machine, elapsed));
    }

    /// <summary>Appends the run as one JSON object on one line: when, how, on what, and each figure by name.</summary>
    public async Task AppendRunAsync(string file, string command, string machine, TimeSpan elapsed)
    {
        var line = new Dictionary<string, object?>
        {
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
            ["mode"] = mode,
            ["command"] = command,
            ["machine"] = machine,
            ["minutes"] = Math.Round(elapsed.TotalMinutes, 1),
            ["figures"] = figures.ToDictionary(f => f.Name, f => new
            {
                Value = Round(f.Value),
                f.Unit,
                Ceiling = double.IsFinite(f.Ceiling) ? Round(f.Ceiling) : (double?)null,
                CeilingFrom = double.IsFinite(f.Ceiling) ? f.CeilingFrom : null,
                Ratio = double.IsFinite(f.Ratio) ? Round(f.Ratio) : (double?)null,
                Target = f.Target == "—" ? null : f.Target,
                f.Met,
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.AppendAllTextAsync(file, JsonSerializer.Serialize(line, Line) + "\n");
    }

    private string Markdown(string machine, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"`{mode}` run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:N1} min; {machine}");
        text.AppendLine();
        text.AppendLine("| Figure | Value | Ceiling | Ratio | Target | Met |");
        text.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Name} | {Format(f.Value)} {f.Unit} | {Format(f.Ceiling)} ({f.CeilingFrom}) | {Format(f.Ratio)} | {f.Target} | {f.Met switch { true => "yes", false => "**no**", null => "—" }} |");
        }
        return text.ToString();
    }

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, value >= 100 ? 0 : 3) : value;

    private static string Format(double value) => !double.IsFinite(value)
        ? "n/a"
        : value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
