using System.Reflection;
using Hezhou.Exchange.Server.Errors;

namespace Hezhou.Exchange.Server.Tests.Clients;

/// <summary>
/// docs/api.md as a reader follows it: every shell block runs, from the repository's root, against a real server;
/// every program it shows is the file it runs; its error table names every reason the server sends. So the guide
/// cannot rot.
/// </summary>
public sealed class ClientsGuideTests
{
    private const string NotRun = "<!-- not run:";
    private const string FileMarker = "<!-- file:";
    private const string GuideAddress = "127.0.0.1:5080";

    private static string GuidePath => Path.Combine(RepositoryPaths.Root, "docs", "api.md");

    [Fact]
    public async Task ShellBlocks_NotMarkedNotRun_EachExitZeroAgainstARealServer()
    {
        ClientTools.RequireNodePackages();
        ChildProcess.Require("protoc", "apt-get install protobuf-compiler");
        ChildProcess.Require("/usr/bin/grpc_python_plugin", "apt-get install protobuf-compiler-grpc");
        _ = ClientTools.Python;
        var blocks = Blocks(GuidePath).Where(b => b.Language == "sh").ToList();
        var runnable = blocks.Where(b => b.Marker?.StartsWith(NotRun, StringComparison.Ordinal) != true).ToList();
        // The Python, C#, Node, REST and buf curl blocks; a parser that finds none would pass vacuously.
        Assert.True(runnable.Count >= 8, $"only {runnable.Count} runnable shell blocks found");
        Assert.Contains(blocks, b => b.Text.Contains("grpcurl", StringComparison.Ordinal) && b.Marker?.StartsWith(NotRun, StringComparison.Ordinal) == true);
        await using var server = await ServerProcess.StartAsync();

        var failures = new List<string>();
        foreach (var block in runnable)
        {
            var script = block.Text.Replace(GuideAddress, server.Address.Authority, StringComparison.Ordinal);
            var result = await ChildProcess.RunAsync(
                "bash", ["-e", "-o", "pipefail", "-c", script], TimeSpan.FromMinutes(10),
                environment: new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["NPM_CONFIG_UPDATE_NOTIFIER"] = "false" });
            if (result.ExitCode != 0)
            {
                failures.Add($"docs/api.md line {block.Line}:\n{script}\n{result}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void FileBlocks_ShowTheExampleFiles_AsTheyAre()
    {
        var files = Blocks(GuidePath).Where(b => b.Marker?.StartsWith(FileMarker, StringComparison.Ordinal) == true).ToList();

        Assert.True(files.Count >= 4, $"only {files.Count} file blocks found");
        foreach (var block in files)
        {
            var path = block.Marker![FileMarker.Length..].Replace("-->", "", StringComparison.Ordinal).Trim();
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, path)), block.Text);
        }
    }

    [Theory]
    [InlineData("docs/api.md")]
    public void ErrorTable_EveryReasonTheServerSends_HasARow(string document)
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, document))
            .Where(l => l.StartsWith('|'))
            .ToList();
        var reasons = typeof(ErrorReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(ErrorReasons.Domain))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(reasons);
        var missing = reasons.Where(r => !rows.Any(row => row.Contains($"`{r}`", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"{document}'s error table lacks {string.Join(", ", missing)}");
    }

    /// <summary>A fenced block: its language, its text, the line it starts on, and the HTML comment just before it.</summary>
    private sealed record Block(string Language, string Text, int Line, string? Marker);

    private static List<Block> Blocks(string path)
    {
        var lines = File.ReadAllLines(path);
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Length == 3)
            {
                continue;
            }
            var marker = i > 0 && lines[i - 1].StartsWith("<!--", StringComparison.Ordinal) ? lines[i - 1] : null;
            var end = Array.FindIndex(lines, i + 1, l => l == "```");
            Assert.True(end > i, $"{path} line {i + 1}: the block is not closed");
            var text = string.Concat(lines[(i + 1)..end].Select(l => l + "\n"));
            blocks.Add(new Block(lines[i][3..].Trim(), text, i + 1, marker));
            i = end;
        }
        return blocks;
    }
}
