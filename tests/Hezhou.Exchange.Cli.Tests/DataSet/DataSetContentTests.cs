using Hezhou.Exchange.Domain.Identity;
using Hezhou.Exchange.Domain.Submissions;
using Hezhou.Exchange.Server.Mapping;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.DataSet;

public sealed class DataSetContentTests
{
    private static readonly DateOnly ReferenceDate = new(2024, 1, 1);

    [Fact]
    public void Generate_Default_EveryRecordPassesValidation()
    {
        var rejected = GeneratedCity.Default.All
            .Select(r => (r.SourceKey, Violations: SubmissionValidator.Validate(r.ToDomain(), ReferenceDate)))
            .Where(r => r.Violations.Count > 0)
            .Take(5)
            .Select(r => $"{r.SourceKey}: {string.Join("; ", r.Violations.Select(v => $"{v.Field} {v.Description}"))}")
            .ToList();

        Assert.Empty(rejected);
    }

    [Fact]
    public void Generate_EveryRuleInjected_EveryRecordPassesValidation()
    {
        var rejected = GeneratedCity.WithEveryRuleInjected.All
            .Where(r => SubmissionValidator.Validate(r.ToDomain(), ReferenceDate).Count > 0)
            .Select(r => r.SourceKey)
            .ToList();

        Assert.Empty(rejected);
    }

    [Fact]
    public void Generate_Default_CitizenIdsAndSourceKeysAreUnique()
    {
        var city = GeneratedCity.Default;
        var sites = city.Relocation.Where(r => r.Site is not null).ToDictionary(r => r.SourceKey, r => r.Site);
        var households = city.Relocation.Where(r => r.Household is not null).Select(r => r.Household).ToList();
        var members = households.SelectMany(h => h.Members).ToList();

        Assert.Equal(members.Count, members.Select(m => m.CitizenId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(households, h => Assert.All(h.Members, m =>
        {
            Assert.True(CitizenId.TryParse(m.CitizenId, ReferenceDate, out var id, out _, out _));
            Assert.Equal(sites[h.SiteCode].CountyCode, id.RegionCode);
        }));
        Assert.All(new[] { city.Relocation, city.HumanResources, city.CivilAffairs }, records =>
            Assert.Equal(records.Count, records.Select(r => (r.ContentCase, r.SourceKey)).Distinct().Count()));
    }

    [Fact]
    public void Generate_Default_IsShapedLikeHezhou()
    {
        var city = GeneratedCity.Default;
        var sites = city.Relocation.Where(r => r.Site is not null).ToList();
        var households = city.Relocation.Where(r => r.Household is not null).Select(r => r.Household).ToList();
        var members = households.SelectMany(h => h.Members).ToList();
        var employments = city.HumanResources.Where(r => r.Employment is not null).Select(r => r.Employment).ToList();
        var residents = households.GroupBy(h => h.SiteCode).ToDictionary(g => g.Key, g => g.Sum(h => h.Members.Count));

        Assert.Equal(25, sites.Count);
        Assert.Equal(["451102", "451103", "451121", "451122", "451123"], sites.Select(s => s.Site.CountyCode).Distinct().Order());
        Assert.Equal(16, sites.Count(s => residents[s.SourceKey] >= 800));
        Assert.All(sites.Where(s => s.Site.Kind == V1.SiteKind.Urban), s => Assert.True(residents[s.SourceKey] >= 800));
        Assert.Contains(sites, s => s.Site.Kind == V1.SiteKind.Rural && residents[s.SourceKey] >= 800);
        Assert.InRange(households.Count, 14_000, 15_000);
        Assert.Equal(61_620, members.Count);
        Assert.Equal(city.DataSet.Persons, members.Count);
        Assert.All(households, h => Assert.Single(h.Members, m => m.RelationToHead == V1.RelationToHead.Self));
        Assert.Equal(0, members.Min(m => 2023 - m.BirthDate.Year));
        Assert.Equal(90, members.Max(m => 2023 - m.BirthDate.Year));
        Assert.Contains(members, m => m.Name.Contains('\u00B7', StringComparison.Ordinal));
        Assert.Contains(members, m => m.Name.Any(char.IsSurrogate));
        Assert.Contains(members, m => m.Ethnicity == V1.Ethnicity.Yao && m.Name.StartsWith('盘'));
        Assert.Contains(members, m => m.Ethnicity == V1.Ethnicity.Zhuang && m.Name.StartsWith('韦'));
        Assert.True(members.Count(m => m.Ethnicity == V1.Ethnicity.Han) > members.Count / 2);
        Assert.Contains(members, m => m.InSchool);
        Assert.Contains(members, m => m.DisabilityCategory != V1.DisabilityCategory.None && m.DisabilityGrade == 1);
        Assert.Equal(Enum.GetValues<V1.EmploymentChannel>().Skip(1), employments.Select(e => e.Channel).Distinct().Order());
        Assert.Equal(Enum.GetValues<V1.WorkLocation>().Skip(1), employments.Select(e => e.Location).Distinct().Order());
        Assert.All(employments.Where(e => e.EmployerCreditCode.Length > 0),
            e => Assert.True(UnifiedSocialCreditCode.TryParse(e.EmployerCreditCode, out _, out _, out _)));
        Assert.Contains(employments, e => e.Channel == V1.EmploymentChannel.Flexible && e.EmployerCreditCode.Length == 0);
        Assert.Equal(
            Enum.GetValues<V1.WelfareProgramme>().Skip(1),
            city.CivilAffairs.Where(r => r.WelfareEntitlement is not null).Select(r => r.WelfareEntitlement.Programme).Distinct().Order());
        Assert.InRange(city.HumanResources.Count(r => r.JobVacancy is not null), 100, 1_000);
        Assert.Equal(city.DataSet.RelocationRecords, city.Relocation.Count);
        Assert.Equal(city.DataSet.HumanResourcesRecords, city.HumanResources.Count);
        Assert.Equal(city.DataSet.CivilAffairsRecords, city.CivilAffairs.Count);
        Assert.Empty(city.DataSet.Injected);
    }

    [Fact]
    public void Generate_Default_ReproducesTheSeedReportsFigures()
    {
        var figures = CityFigures.Compute(GeneratedCity.Default, CityFigures.ReportDate);

        Assert.Equal(CityFigures.SeedReport, figures);
    }
}
