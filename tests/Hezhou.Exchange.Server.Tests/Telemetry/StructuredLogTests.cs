using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Telemetry;

/// <summary>
/// The server's logs, as JSON lines: a batch's log lines carry BatchId and Principal as properties, and no log line
/// holds a full citizen ID, whatever was submitted, rejected or read.
/// </summary>
public sealed partial class StructuredLogTests
{
    [Fact]
    public async Task Logs_CarryBatchAndPrincipal_AndNeverAFullCitizenId()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__LogLevel__Hezhou"] = "Trace",
            // Even with ASP.NET Core's request logging asked for, the request path (which names citizens) stays out.
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        });
        var broken = Records.Household("HH-0002", seed: 1);
        broken.Household.Members[0].CitizenId = Records.HeadId(seed: 1)[..17] + "0";
        var relocation = new SubmissionService.SubmissionServiceClient(server.Channel(DevelopmentKeys.Relocation));
        await relocation.SubmitReconciledAsync("reloc-logs", Records.Site(), Records.Household("HH-0001"), broken);
        // Reads of personal data over gRPC and REST, found and not found.
        var audit = new AuditService.AuditServiceClient(server.Channel(DevelopmentKeys.AuditorWithPersonalData));
        await audit.GetPersonAsync(new GetPersonRequest { CitizenId = Records.HeadId(), Purpose = "log test" }, Deadlines.Call);
        var unknown = Records.CitizenId(1970, 1, 1, 999);
        await Assert.ThrowsAsync<RpcException>(async () => await audit.GetPersonAsync(
            new GetPersonRequest { CitizenId = unknown, Purpose = "log test" }, Deadlines.Call));
        using var rest = new HttpClient
        {
            BaseAddress = server.Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        rest.DefaultRequestHeaders.Add("x-api-key", DevelopmentKeys.AuditorWithPersonalData);
        (await rest.GetAsync($"/v1/persons/{Records.SpouseId()}?purpose=log%20test")).Dispose();

        await Task.Delay(500); // the console logger writes on its own thread
        var lines = server.Output.Split('\n').Where(l => l.StartsWith('{')).ToList();

        var stored = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("Message").GetString()!.StartsWith("Stored batch reloc-logs", StringComparison.Ordinal));
        Assert.Equal("reloc-logs", stored.GetProperty("State").GetProperty("BatchId").GetString());
        Assert.Equal("relocation-dev", stored.GetProperty("State").GetProperty("Principal").GetString());
        var scope = stored.GetProperty("Scopes").EnumerateArray().Single(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("BatchId", out _));
        Assert.Equal("relocation-dev", scope.GetProperty("Principal").GetString());

        var everyId = new[] { Records.HeadId(), Records.SpouseId(), Records.HeadId(seed: 1), Records.SpouseId(seed: 1), unknown, broken.Household.Members[0].CitizenId };
        Assert.All(everyId, id => Assert.DoesNotContain(id, server.Output));
        Assert.Empty(CitizenIdShape().Matches(server.Output));
    }

    [GeneratedRegex("(?<![0-9])[0-9]{17}[0-9X](?![0-9])")]
    private static partial Regex CitizenIdShape();
}
