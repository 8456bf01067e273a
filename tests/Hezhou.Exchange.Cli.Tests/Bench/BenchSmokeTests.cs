using System.Text.Json;

namespace Hezhou.Exchange.Cli.Tests.Bench;

/// <summary>
/// The benchmark is run by hand, not in CI; this runs its "smoke" mode (every quick figure, on a small slice, with
/// one-second query loads) so that it keeps working. It asserts that each figure was measured, never how fast.
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly string[] Figures =
    [
        "storage ceiling (scale 1)", "transport ceiling (scale 1)", "ingest (scale 1)", "store size (scale 1)",
        "memory (scale 1 ingest)",
        "delta (scale 1)", "Health.Check rps (scale 1)", "Health.Check server CPU per call (scale 1)",
        "Health.Check client CPU per call (scale 1)",
        .. new[] { "GetPerson", "GetHousehold", "ListDiscrepancies", "GetStatistics" }
            .SelectMany(m => new[]
            {
                $"{m} rps (scale 1)", $"{m} p50 (scale 1)", $"{m} p99 (scale 1)", $"{m} server CPU per call (scale 1)",
                $"{m} client CPU per call (scale 1)",
            }),
        .. new[] { "GetPerson", "GetHousehold" }.SelectMany(m => new[]
        {
            $"{m} access-log writer CPU per call (scale 1)", $"{m} access-log wait per read (scale 1)",
            $"{m} access-log entries per commit (scale 1)",
        }),
    ];

    /// <summary>Debug or Release: the folder above the test binaries' target framework folder (bin/Debug/net10.0).</summary>
    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    [Fact]
    [Trait("Duration", "Long")]
    public async Task Smoke_SmallSlice_MeasuresEveryQuickFigure()
    {
        var folder = Directory.CreateTempSubdirectory("hezhou-bench-smoke-").FullName;
        try
        {
            // The benchmark is a program, not a library the tests reference: run it from its project, in the
            // configuration these tests were built in (dotnet run builds it first if it is not built yet).
            var bench = await ChildProcess.RunAsync("dotnet",
                ["run", "--project", Path.Combine(RepositoryPaths.Root, "tests", "Hezhou.Exchange.Bench"),
                    "--configuration", BuildConfiguration, "--", "smoke", folder],
                TimeSpan.FromMinutes(8));
            Assert.True(bench.ExitCode == 0, bench.ToString());

            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "latest.json")));
            var measured = results.RootElement.EnumerateArray().ToDictionary(
                f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetDouble());
            Assert.Equal(Figures.Order(), measured.Keys.Order());
            Assert.All(measured, f => Assert.True(double.IsFinite(f.Value) && f.Value > 0, $"{f.Key} = {f.Value}"));
            Assert.Contains("| ingest (scale 1) |", await File.ReadAllTextAsync(Path.Combine(folder, "latest.md")));
            // The run's line goes to the smoke folder, never to the project's own results file.
            var run = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(folder, "results.jsonl")));
            using var line = JsonDocument.Parse(run);
            Assert.Equal("smoke", line.RootElement.GetProperty("mode").GetString());
            Assert.Equal(Figures.Order(), line.RootElement.GetProperty("figures").EnumerateObject().Select(f => f.Name).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
