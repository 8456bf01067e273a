using System.Text;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class QuickStartLoopTests
{
    private const string ClientCommand = "dotnet run --project src/Hezhou.Exchange.Cli -- ";

    /// <summary>
    /// The five commands of README's "discrepancy loop", as written there, against a real server: the city with
    /// planted discrepancies pushed and reconciled with every seed figure holding, listed by an auditor, one answered
    /// by human resources and acknowledged by the auditor. Long: the whole default data set is pushed.
    /// </summary>
    [Fact]
    [Trait("Duration", "Long")]
    public async Task QuickStartLoop_AsWrittenInTheReadme_AnswersAndAcknowledgesADiscrepancy()
    {
        var commands = ReadmeLoopCommands();
        Assert.StartsWith("dotnet run --project src/Hezhou.Exchange.Server", commands[0], StringComparison.Ordinal);
        var client = commands.Skip(1).Select(c => Arguments(c[ClientCommand.Length..])).ToList();
        Assert.Equal(["demo", "discrepancies", "answer", "ack"], client.Select(c => c[0]));
        var key = client[2][1];
        Assert.Equal(key, client[3][1]);
        await using var server = await ServerProcess.StartAsync();
        string[] On(string[] arguments) => [.. arguments, "--server", server.Address.ToString()];

        var demo = await CommandLine.RunAsync(TimeSpan.FromMinutes(60), On(client[0]));
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Messages);
        Assert.Contains("Every figure of the seed report is reproduced", demo.Output, StringComparison.Ordinal);
        Assert.Contains("Planted 20 discrepancies, 2 of each rule", demo.Output, StringComparison.Ordinal);

        var listed = await CommandLine.RunAsync(On(client[1]));
        Assert.True(listed.ExitCode == 0, listed.Output + listed.Messages);
        Assert.Contains("discrepancies (20)", listed.Output, StringComparison.Ordinal);
        Assert.Contains(key, listed.Output, StringComparison.Ordinal);

        var answered = await CommandLine.RunAsync(On(client[2]));
        Assert.True(answered.ExitCode == 0, answered.Output + answered.Messages);
        var acknowledged = await CommandLine.RunAsync(On(client[3]));
        Assert.True(acknowledged.ExitCode == 0, acknowledged.Output + acknowledged.Messages);

        var audit = new AuditService.AuditServiceClient(server.Channel(DevelopmentKeys.Auditor));
        var page = await audit.ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "quick start check", Status = DiscrepancyStatus.Acknowledged }, Deadlines.Call);
        var discrepancy = Assert.Single(page.Discrepancies);
        Assert.Equal(key, discrepancy.Key);
        Assert.Contains(discrepancy.History, e => e.Principal == "human-resources-dev" && e.Answer == DiscrepancyAnswer.WillCorrect);
        Assert.Contains(discrepancy.History, e => e.Principal == "auditor-dev" && e.Status == DiscrepancyStatus.Acknowledged);
    }

    /// <summary>The command lines of README's block that follows the comment naming this test, one per command.</summary>
    private static List<string> ReadmeLoopCommands()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var marker = Array.FindIndex(readme, l => l.StartsWith("<!--", StringComparison.Ordinal) && l.Contains(nameof(QuickStartLoopTests), StringComparison.Ordinal));
        Assert.True(marker >= 0, "README.md no longer has the block this test runs.");
        Assert.Equal("```sh", readme[marker + 1]);
        return readme.Skip(marker + 2).TakeWhile(l => l != "```")
            .Where(l => l.StartsWith("dotnet run ", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Splits a command line as the shell would, for the plain words and "double quotes" README uses.</summary>
    private static string[] Arguments(string commandLine)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in commandLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    arguments.Add(current.ToString());
                }
                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }
        if (any)
        {
            arguments.Add(current.ToString());
        }
        return [.. arguments];
    }
}
