using Grpc.Core;
using Hezhou.Exchange.Cli.Commands;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Commands;

public sealed class CommandLineParsingTests
{
    // Nothing listens here: a command that got past parsing would fail with exit code 3, not 2.
    private const string NoServer = "http://127.0.0.1:1";

    [Theory]
    [InlineData("stats", "--as-off", "2023-12-31", "--as-of")]
    [InlineData("stats", "--countyy", "451102", "--county")]
    [InlineData("discrepancies", "--staus", "open", "--status")]
    public async Task Run_MisspelledOption_Exits2AndSuggestsTheNearest(string command, string option, string value, string meant)
    {
        var result = await CommandLine.RunAsync(TimeSpan.FromSeconds(30), command, option, value, "--server", NoServer, "--api-key", "k");

        Assert.Equal(ExitCodes.UsageOrUnreadableFile, result.ExitCode);
        Assert.Contains($"Unknown option {option}. Did you mean {meant}?", result.Messages);
    }

    [Fact]
    public async Task Run_StrayArgument_Exits2()
    {
        var result = await CommandLine.RunAsync(TimeSpan.FromSeconds(30), "stats", "2023-12-31", "--server", NoServer, "--api-key", "k");

        Assert.Equal(ExitCodes.UsageOrUnreadableFile, result.ExitCode);
        Assert.Contains("error:", result.Messages);
    }

    [Fact]
    public async Task Run_Version_PrintsTheInformationalVersion()
    {
        var result = await CommandLine.RunAsync(TimeSpan.FromSeconds(30), "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(CliApplication.Version, result.Output);
        Assert.StartsWith("1.0.0", CliApplication.Version);
    }

    [Fact]
    public async Task PushHelp_ListsEveryKindsColumnsRequiredOnesAndTheExitCodes()
    {
        var result = await CommandLine.RunAsync(TimeSpan.FromSeconds(30), "push", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var kind in PushHelp.Kinds)
        {
            Assert.Contains(EnumLabels.Bilingual(kind.Kind), result.Output);
            foreach (var column in kind.Columns.Where(c => !RecordColumns.Common.Contains(c)))
            {
                Assert.Contains(column.Header + (kind.Required.Contains(column) ? "*" : ""), result.Output);
            }
        }
        Assert.Contains("搬迁户 / household:", result.Output);
        Assert.Contains("身份证号码 / citizen_id*", result.Output);
        Assert.Contains("死亡日期 / death_date\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Contains("EXIT CODES:", result.Output);
        Assert.Contains("3 server unreachable", result.Output);
    }

    [Fact]
    public void PushHelpKinds_EveryKindOfTheContract_HasItsOwnColumns()
    {
        var kinds = PushHelp.Kinds.Select(k => k.Kind).ToList();

        Assert.Equal(Enum.GetValues<RecordKind>().Where(k => k != RecordKind.Unspecified), kinds);
        Assert.Contains(RecordColumns.SiteName, PushHelp.Kinds.Single(k => k.Kind == RecordKind.Site).Columns);
        Assert.DoesNotContain(RecordColumns.SiteName, PushHelp.Kinds.Single(k => k.Kind == RecordKind.Employment).Columns);
        Assert.Contains(RecordColumns.DeathDate, PushHelp.Kinds.Single(k => k.Kind == RecordKind.Household).Columns);
    }

    [Fact]
    public void Describe_ViolationTheDetailAlreadySays_PrintsItOnce()
    {
        const string description = "the check character does not match the first 17 digits (GB 11643-1999)";
        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = description,
            Details =
            {
                Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.BadRequest
                {
                    FieldViolations = { new Google.Rpc.BadRequest.Types.FieldViolation { Field = "citizen_id", Description = description } },
                }),
            },
        };

        var (code, message) = CliErrors.Describe(status.ToRpcException());

        Assert.Equal(ExitCodes.ServerError, code);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(message, System.Text.RegularExpressions.Regex.Escape("GB 11643-1999")));
    }
}
