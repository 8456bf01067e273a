using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using Hezhou.Exchange.Domain.Tests.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Statistics;

public sealed class CityIndicatorsTests
{
    private static readonly DateOnly AsOf = new(2023, 12, 31);

    [Theory]
    [InlineData(28_469, 30_164, "94.38")]
    [InlineData(888, 1_509, "58.85")]
    [InlineData(2, 3, "66.67")]
    [InlineData(1, 800, "0.13")]
    [InlineData(12_296, 12_296, "100.00")]
    [InlineData(0, 5, "0.00")]
    [InlineData(0, 0, "")]
    public void Percent_ExactFraction_RoundsHalfAwayFromZeroToTwoDecimals(long numerator, long denominator, string percent)
    {
        Assert.Equal(percent, new Rate(numerator, denominator).Percent);
    }

    [Fact]
    public void Compute_SixteenthBirthdayOnTheDay_CountsInLabourForce()
    {
        var members = new[]
        {
            Member("P1", "H1", birth: new DateOnly(2007, 12, 31)),
            Member("P2", "H1", birth: new DateOnly(2008, 1, 1)),
        };

        var indicators = Compute(members);

        Assert.Equal(1, indicators.LabourForce);
    }

    [Fact]
    public void Compute_DeathOnOrBeforeTheDayOrMovedInLater_NotRelocated()
    {
        var members = new[]
        {
            Member("P1", "H1", death: AsOf),
            Member("P2", "H1", death: AsOf.AddDays(1)),
            Member("P3", "H2", relocated: AsOf.AddDays(1)),
            Member("P4", "H3"),
        };

        var indicators = Compute(members);

        Assert.Equal(2, indicators.RelocatedPersons);
        Assert.Equal(2, indicators.RelocatedHouseholds);
    }

    [Fact]
    public void Compute_EmploymentShorterThanTheMinimum_NotEmployedButIncomeCounts()
    {
        var members = new[] { Member("P1", "H1"), Member("P2", "H1"), Member("P3", "H2") };
        var employments = new[]
        {
            new EmploymentSpan("P1", "E1", EmploymentChannel.SelfEmployment, new DatePeriod(AsOf.AddDays(-89), null), 1_000_00),
            new EmploymentSpan("P2", "E2", EmploymentChannel.Flexible, new DatePeriod(AsOf.AddDays(-88), null), 1_000_01),
        };

        var indicators = Compute(members, employments);

        Assert.Equal(1, indicators.EmployedPersons);
        Assert.Equal(1, indicators.SelfEmployedPersons);
        // (100,000 + 100,001) fen × 12 / 3 persons = 800,004 fen.
        Assert.Equal(800_004, indicators.PerCapitaAnnualIncomeFen);
        Assert.Equal(new Rate(1, 2), indicators.WillingHouseholdsWithEmploymentRate);
    }

    [Fact]
    public void Compute_PersonWithTwoStableJobs_CountedOnceUnderTheEarliest()
    {
        var members = new[] { Member("P1", "H1") };
        var employments = new[]
        {
            new EmploymentSpan("P1", "E2", EmploymentChannel.Flexible, new DatePeriod(new DateOnly(2022, 1, 1), null), 100_00),
            new EmploymentSpan("P1", "E1", EmploymentChannel.IndustryDriven, new DatePeriod(new DateOnly(2021, 1, 1), null), 100_00),
        };

        var indicators = Compute(members, employments);

        Assert.Equal([(EmploymentChannel.IndustryDriven, 1L)], indicators.EmployedByChannel);
    }

    [Fact]
    public void Compute_SiteOfEightHundred_IsLarge()
    {
        var members = Enumerable.Range(0, 800).Select(i => Member($"A{i}", $"HA{i / 4}", site: "S-A"))
            .Concat(Enumerable.Range(0, 799).Select(i => Member($"B{i}", $"HB{i / 4}", site: "S-B")))
            .ToArray();

        var indicators = Compute(members);

        Assert.Equal((2, 1, 1), (indicators.Sites, indicators.LargeSites, indicators.SmallSites));
    }

    private static CityIndicators Compute(MemberStatus[] members, EmploymentSpan[]? employments = null) =>
        CityIndicators.Compute(AsOf, members, employments ?? [], [], new Dictionary<WelfareProgramme, long>(), Policies.Standard());

    private static MemberStatus Member(
        string id, string household, DateOnly? birth = null, DateOnly? death = null, DateOnly? relocated = null, string site = "S-1") =>
        new(id, household, site, relocated ?? new DateOnly(2019, 1, 1), birth ?? new DateOnly(1980, 1, 1),
            LabourCapacity.Normal, WillingToWork: true, InSchool: false, DisabilityCategory.None, death);
}
