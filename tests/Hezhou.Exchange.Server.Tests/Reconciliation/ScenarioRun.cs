using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Reconciliation;

/// <summary>Pushes records as their departments would and reads back the discrepancies, through gRPC.</summary>
internal static class ScenarioRun
{
    public static async Task PushScenarioAsync(ExchangeApplication app)
    {
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("relocation-1", [.. ReconciliationScenario.Relocation]);
        await app.Submissions(DevelopmentKeys.HumanResources).SubmitReconciledAsync("hr-1", [.. ReconciliationScenario.HumanResources]);
        await app.Submissions(DevelopmentKeys.CivilAffairs).SubmitReconciledAsync("ca-1", [.. ReconciliationScenario.CivilAffairs]);
    }

    /// <summary>Every discrepancy, all pages, as an auditor with the personal-data scope sees them.</summary>
    public static async Task<List<Discrepancy>> ListAllAsync(ExchangeApplication app, DiscrepancyStatus status = DiscrepancyStatus.Unspecified)
    {
        var audit = app.Audit(DevelopmentKeys.AuditorWithPersonalData);
        var all = new List<Discrepancy>();
        var request = new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Status = status, PageSize = 1000 };
        do
        {
            var page = await audit.ListDiscrepanciesAsync(request, Deadlines.Call);
            all.AddRange(page.Discrepancies);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return all;
    }
}
