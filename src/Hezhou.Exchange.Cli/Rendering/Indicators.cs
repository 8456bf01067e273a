using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>One of the city's indicators: its names, how it reads from a response, and the seed report's figure.</summary>
/// <param name="Seed">The figure of the city's own report (DESIGN section 7), as this client prints it; null when the
/// report gives none.</param>
internal sealed record Indicator(string Chinese, string English, Func<GetStatisticsResponse, string> Value, string? Seed);

/// <summary>The indicators of GetStatistics in the order of the city's report.</summary>
internal static class Indicators
{
    public static readonly IReadOnlyList<Indicator> All =
    [
        new("安置点", "resettlement sites", s => Figures.Count(s.Sites), "25"),
        new("其中800人以上安置点", "sites with ≥ 800 residents", s => Figures.Count(s.LargeSites), "16"),
        new("800人以下安置点", "sites with < 800 residents", s => Figures.Count(s.SmallSites), "9"),
        new("搬迁建档立卡贫困人口", "relocated persons", s => Figures.Count(s.RelocatedPersons), "61,620"),
        new("搬迁户数", "relocated households", s => Figures.Count(s.RelocatedHouseholds), null),
        new("劳动力", "labour force", s => Figures.Count(s.LabourForce), "30,164"),
        new("稳定就业人数", "employed persons", s => Figures.Count(s.EmployedPersons), "28,469"),
        new("稳定就业户数", "employed households", s => Figures.Count(s.EmployedHouseholds), "12,296"),
        new("劳动力就业率", "employment rate", s => Figures.Rate(s.EmploymentRate), "94.38%"),
        new("自主创业人数", "self-employed persons", s => Figures.Count(s.SelfEmployedPersons), "483"),
        new("人均收入（元/年）", "per-capita annual income, yuan", s => Figures.Money(s.PerCapitaAnnualIncome), "14,052.35"),
        new("城市低保对象", "urban dibao recipients", s => Figures.Count(s.UrbanDibaoRecipients), "10,635"),
        new("累计发放城市低保金（元）", "urban dibao paid, yuan", s => Figures.Money(s.UrbanDibaoPaid), "50,615,000.00"),
        new("城市特困对象", "urban tekun recipients", s => Figures.Count(s.UrbanTekunRecipients), "894"),
        new("累计发放城市特困救助金（元）", "urban tekun paid, yuan", s => Figures.Money(s.UrbanTekunPaid), "8,085,000.00"),
        new("照料护理费（元）", "care allowance paid, yuan", s => Figures.Money(s.CareAllowancePaid), "2,491,000.00"),
        new("办理残疾证的搬迁残疾人", "disabled persons", s => Figures.Count(s.DisabledPersons), "3,858"),
        new("有劳动能力的残疾人", "disabled labour force", s => Figures.Count(s.DisabledLabourForce), "1,509"),
        new("实现就业的残疾人", "disabled employed", s => Figures.Count(s.DisabledEmployed), "888"),
        new("残疾人就业率", "disabled employment rate", s => Figures.Rate(s.DisabledEmploymentRate), "58.85%"),
        new("有就业意愿家庭1人以上稳定就业", "willing households with employment", s => Figures.Rate(s.WillingHouseholdsWithEmploymentRate), "100.00%"),
    ];
}
