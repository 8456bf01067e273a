using System.Globalization;

using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>The words rules use in explanations, in Chinese and English, with citizen IDs masked.</summary>
/// <remarks>
/// Explanations are shown to auditors who may not hold the personal-data scope, so every citizen ID in one is
/// masked (451102************) — including one a department happened to use in a source key.
/// </remarks>
internal static class AuditorText
{
    /// <summary>The text with everything shaped like a citizen ID masked to its first 6 and last 4 characters.</summary>
    public static string Masked(string text) => CitizenId.MaskAllIn(text);

    public static string PersonZh(string name, string citizenId) => $"{name}（{citizenId}）";

    public static string PersonEn(string name, string citizenId) => $"{name} ({citizenId})";

    public static string DepartmentZh(Department department) => department switch
    {
        Department.Relocation => "易地搬迁办",
        Department.HumanResources => "人社局",
        Department.CivilAffairs => "民政局",
        _ => "未知部门",
    };

    public static string DepartmentEn(Department department) => department switch
    {
        Department.Relocation => "the relocation office",
        Department.HumanResources => "human resources",
        Department.CivilAffairs => "civil affairs",
        _ => "an unknown department",
    };

    public static string RecordZh(SourceReference source) =>
        $"{DepartmentZh(source.Department)}{KindZh(source.Kind)}记录“{source.SourceKey}”（第 {source.Version} 版）";

    public static string RecordEn(SourceReference source) =>
        $"{KindEn(source.Kind)} record \"{source.SourceKey}\" version {source.Version} of {DepartmentEn(source.Department)}";

    public static string ProgrammeZh(WelfareProgramme programme) => programme switch
    {
        WelfareProgramme.UrbanDibao => "城市低保",
        WelfareProgramme.RuralDibao => "农村低保",
        WelfareProgramme.UrbanTekun => "城市特困供养",
        WelfareProgramme.RuralTekun => "农村特困供养",
        WelfareProgramme.CareAllowance => "照料护理费",
        WelfareProgramme.DisabilityLivingSubsidy => "困难残疾人生活补贴",
        WelfareProgramme.DisabilityNursingSubsidy => "重度残疾人护理补贴",
        _ => "社会救助",
    };

    public static string ProgrammeEn(WelfareProgramme programme) => programme switch
    {
        WelfareProgramme.UrbanDibao => "urban dibao",
        WelfareProgramme.RuralDibao => "rural dibao",
        WelfareProgramme.UrbanTekun => "urban tekun (extreme-hardship support)",
        WelfareProgramme.RuralTekun => "rural tekun (extreme-hardship support)",
        WelfareProgramme.CareAllowance => "care allowance",
        WelfareProgramme.DisabilityLivingSubsidy => "disability living subsidy",
        WelfareProgramme.DisabilityNursingSubsidy => "disability nursing subsidy",
        _ => "welfare",
    };

    public static string GenderZh(Gender gender) => gender switch
    {
        Gender.Male => "男",
        Gender.Female => "女",
        _ => "未填",
    };

    public static string GenderEn(Gender gender) => gender switch
    {
        Gender.Male => "male",
        Gender.Female => "female",
        _ => "unspecified",
    };

    public static string Date(DateOnly day) => IsoDate.Format(day);

    public static string Month(DateOnly firstDay) => firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A period as a noun phrase: "2024-01-01 至 2024-06-30", or "2024-01-01 起" while open.</summary>
    public static string PeriodZh(DatePeriod period) =>
        period.End is { } end ? $"{Date(period.Start)} 至 {Date(end)}" : $"{Date(period.Start)} 起";

    /// <summary>A period as an adverbial: "在 2024-01-01 至 2024-06-30 期间", or "自 2024-01-01 起" while open.</summary>
    public static string DuringZh(DatePeriod period) =>
        period.End is { } end ? $"在 {Date(period.Start)} 至 {Date(end)} 期间" : $"自 {Date(period.Start)} 起";

    public static string PeriodEn(DatePeriod period) =>
        period.End is { } end ? $"from {Date(period.Start)} to {Date(end)}" : $"from {Date(period.Start)} on";

    /// <summary>An amount of fen as yuan with two decimals, e.g. 123456 → "1,234.56".</summary>
    public static string Yuan(decimal fen) =>
        Math.Round(fen / 100m, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string KindZh(RecordKind kind) => kind switch
    {
        RecordKind.Site => "安置点",
        RecordKind.Household => "搬迁户",
        RecordKind.Employment => "就业",
        RecordKind.JobVacancy => "用工需求",
        RecordKind.WelfareEntitlement => "救助待遇",
        RecordKind.WelfarePayment => "救助发放",
        _ => "",
    };

    private static string KindEn(RecordKind kind) => kind switch
    {
        RecordKind.Site => "site",
        RecordKind.Household => "household",
        RecordKind.Employment => "employment",
        RecordKind.JobVacancy => "job vacancy",
        RecordKind.WelfareEntitlement => "welfare entitlement",
        RecordKind.WelfarePayment => "welfare payment",
        _ => "source",
    };
}
