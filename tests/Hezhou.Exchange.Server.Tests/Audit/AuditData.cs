using Google.Rpc;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

/// <summary>What the auditors' tests push, as the departments would, and read back.</summary>
internal static class AuditData
{
    public const string Purpose = "case 2024-017: dibao review";

    /// <summary>The spouse of household HH-0001: relocated, employed and receiving urban dibao.</summary>
    public static readonly string Spouse = Records.SpouseId();

    /// <summary>A person no household holds, employed according to human resources.</summary>
    public static readonly string EmployedStranger = Records.CitizenId(1992, 3, 3, 61, "451121");

    /// <summary>A person no household holds, receiving dibao according to civil affairs.</summary>
    public static readonly string DibaoStranger = Records.CitizenId(1993, 4, 4, 71, "451121");

    /// <summary>The key of the unknown-person discrepancy about a citizen ID, unmasked.</summary>
    public static string UnknownPersonKey(string citizenId) => $"unknown-person/{citizenId}/";

    /// <summary>
    /// Household HH-0001 by the relocation office; the spouse's employment by human resources; her urban dibao and one
    /// payment of 480.50 by civil affairs. Each department names her as the relocation office does.
    /// </summary>
    public static async Task PushPersonOfThreeDepartmentsAsync(ExchangeApplication app)
    {
        var employment = Records.Employment(citizenId: Spouse);
        employment.Employment.Person.Name = "赵秀英";
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("reloc-1", Records.Site(), Records.Household());
        await app.Submissions(DevelopmentKeys.HumanResources).SubmitReconciledAsync("hr-1", employment);
        await app.Submissions(DevelopmentKeys.CivilAffairs).SubmitReconciledAsync(
            "ca-1", Records.WelfareEntitlement(citizenId: Spouse), Records.WelfarePayment(citizenId: Spouse));
    }

    /// <summary>An employment for a citizen ID no household holds: an unknown-person discrepancy of human resources.</summary>
    public static async Task<string> PushEmployedStrangerAsync(ExchangeApplication app, string batchId = "hr-stranger")
    {
        await app.Submissions(DevelopmentKeys.HumanResources)
            .SubmitReconciledAsync(batchId, Records.Employment("EMP-X", EmployedStranger));
        return UnknownPersonKey(EmployedStranger);
    }

    /// <summary>Dibao for a citizen ID no household holds: an unknown-person discrepancy of civil affairs.</summary>
    public static async Task<string> PushDibaoStrangerAsync(ExchangeApplication app)
    {
        await app.Submissions(DevelopmentKeys.CivilAffairs)
            .SubmitReconciledAsync("ca-stranger", Records.WelfareEntitlement("ENT-X", DibaoStranger));
        return UnknownPersonKey(DibaoStranger);
    }

    /// <summary>The fields a failed call's BadRequest names.</summary>
    public static IEnumerable<string> ViolatedFields(Google.Rpc.Status status) =>
        status.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? [];
}
