using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.V1;
using Rule = Hezhou.Exchange.Domain.Reconciliation.DiscrepancyRule;

namespace Hezhou.Exchange.Cli.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class InjectedTruthTests
{
    private const int CasesPerRule = 2;

    /// <summary>
    /// The generator's truth against the service: the default city with two cases of every rule injected, pushed
    /// through gRPC by the three departments at once and reconciled, shows exactly the injected discrepancies — no
    /// more, no fewer — and the seed report's figures still hold.
    /// </summary>
    [Fact]
    [Trait("Duration", "Long")]
    public async Task Reconcile_InjectedDataSet_FindsExactlyTheInjectedDiscrepancies()
    {
        var dataSet = DataSetGenerator.Generate(new DataSetOptions(
            Inject: Enum.GetValues<Rule>().Where(r => r != Rule.Unspecified).ToDictionary(r => r, _ => CasesPerRule)));
        await using var app = new ExchangeApplication();

        var batches = await Task.WhenAll(
            PushAsync(app, DevelopmentKeys.Relocation, "relocation", dataSet.Relocation),
            PushAsync(app, DevelopmentKeys.HumanResources, "human-resources", dataSet.HumanResources),
            PushAsync(app, DevelopmentKeys.CivilAffairs, "civil-affairs", dataSet.CivilAffairs));
        foreach (var (apiKey, batchId) in batches.SelectMany(b => b))
        {
            await app.Submissions(apiKey).WaitUntilReconciledAsync(batchId, TimeSpan.FromMinutes(15));
        }

        var found = await OpenDiscrepancyKeysAsync(app);
        Assert.Equal(10 * CasesPerRule, dataSet.Injected.Count);
        Assert.Equal(dataSet.Injected.Select(i => i.Key).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));

        var statistics = await app.Audit(DevelopmentKeys.Auditor).GetStatisticsAsync(
            new GetStatisticsRequest { AsOfDate = Records.Date(2023, 12, 31) }, Deadlines.Call);
        Assert.Equal((25, 61_620L, 30_164L, 28_469L), (statistics.Sites, statistics.RelocatedPersons, statistics.LabourForce, statistics.EmployedPersons));
        Assert.Equal(10, statistics.OpenDiscrepanciesByRule.Count);
    }

    private static async Task<List<(string ApiKey, string BatchId)>> PushAsync(
        ExchangeApplication app, string apiKey, string department, IEnumerable<SubmissionRecord> records)
    {
        var client = app.Submissions(apiKey);
        var sent = new List<(string, string)>();
        var index = 0;
        foreach (var batch in records.Chunk(10_000))
        {
            var batchId = $"{department}-{index++:D4}";
            var response = await Streaming.StreamAsync(client, batchId, DateTime.UtcNow.AddMinutes(10), batch.Chunk(1_000));
            Assert.Equal(0, response.Batch.RejectedCount);
            sent.Add((apiKey, batchId));
        }
        return sent;
    }

    private static async Task<List<string>> OpenDiscrepancyKeysAsync(ExchangeApplication app)
    {
        var audit = app.Audit(DevelopmentKeys.AuditorWithPersonalData);
        var keys = new List<string>();
        var request = new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Status = DiscrepancyStatus.Open, PageSize = 1_000 };
        do
        {
            var page = await audit.ListDiscrepanciesAsync(request, Deadlines.Call);
            keys.AddRange(page.Discrepancies.Select(d => d.Key));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return keys;
    }
}
