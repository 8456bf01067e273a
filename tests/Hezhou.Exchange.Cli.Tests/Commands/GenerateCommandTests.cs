using System.Text.Json;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;

namespace Hezhou.Exchange.Cli.Tests.Commands;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_DefaultDataSet_WritesEachDepartmentAsJsonLinesAndTheSameRecordsAsCsv()
    {
        using var folder = new TempFolder();

        var result = await CommandLine.RunAsync("generate", "--out", folder.Path, "--inject", "unknown-person=2,dibao-with-tekun=1");

        Assert.Equal(0, result.ExitCode);
        foreach (var department in new[] { "relocation", "human-resources", "civil-affairs" })
        {
            var jsonLines = RecordFiles.Read(folder.File($"{department}.jsonl")).Select(r => r.Record);
            var csv = RecordFiles.Read(folder.File($"{department}.csv")).Select(r => r.Record);
            Assert.True(jsonLines.SequenceEqual(csv), $"{department}.csv differs from {department}.jsonl");
        }
        using var injected = JsonDocument.Parse(File.ReadAllText(folder.File("injected.json")));
        var rules = injected.RootElement.EnumerateArray().Select(i => i.GetProperty("rule").GetString()).ToList();
        Assert.Equal(["dibao-with-tekun", "unknown-person", "unknown-person"], rules.Order());
        Assert.All(injected.RootElement.EnumerateArray(), i => Assert.StartsWith(i.GetProperty("rule").GetString() + "/", i.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Generate_UnknownRuleToInject_ListsTheRulesAndExits2()
    {
        using var folder = new TempFolder();

        var result = await CommandLine.RunAsync("generate", "--out", folder.Path, "--inject", "dibao-twice=3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dibao-with-tekun", result.Messages);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Generate_WithoutOut_IsAUsageErrorExit2()
    {
        var result = await CommandLine.RunAsync("generate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Messages);
    }
}
