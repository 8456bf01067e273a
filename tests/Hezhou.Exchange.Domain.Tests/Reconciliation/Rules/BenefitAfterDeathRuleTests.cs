using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Reconciliation.Rules;
using static Hezhou.Exchange.Domain.Tests.Reconciliation.UnitBuilder;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation.Rules;

public class BenefitAfterDeathRuleTests
{
    private static readonly DateOnly March = new(2024, 3, 1);
    private static readonly DateOnly April = new(2024, 4, 1);

    private static UnitBuilder ElderWhoDied(DateOnly on) => Household(People.Head(), People.Elder() with { DeathDate = on });

    [Fact]
    public void Find_DeathOnTheFirstOfAMonth_FlagsTheNextMonthsPaymentOnly()
    {
        var unit = ElderWhoDied(March)
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, March, key: "PAY-03")
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, April, key: "PAY-04");

        var finding = Assert.Single(Run.Rule<BenefitAfterDeathRule>(unit));

        Assert.Equal($"benefit-after-death/{People.ElderId}/2024-03-01..", finding.Key);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal([PaymentSource("PAY-04")], finding.Sources);
        Assert.Equal([Department.Relocation, Department.CivilAffairs], finding.Departments);
    }

    [Fact]
    public void Find_DeathOnTheFirstOfAMonthWithThatMonthsPaymentOnly_ReportsNothing()
    {
        var unit = ElderWhoDied(March).Paid(People.ElderId, WelfareProgramme.CareAllowance, March);

        Assert.Empty(Run.Rule<BenefitAfterDeathRule>(unit));
    }

    [Fact]
    public void Find_DeathOnTheLastDayOfTheMonthBefore_FlagsThatMonthsPayment()
    {
        var unit = ElderWhoDied(new DateOnly(2024, 2, 29))
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, March, key: "PAY-03");

        var finding = Assert.Single(Run.Rule<BenefitAfterDeathRule>(unit));

        Assert.Equal("2024-02-29..", finding.Period);
        Assert.Equal([PaymentSource("PAY-03")], finding.Sources);
    }

    [Fact]
    public void Find_MorePaymentsAfterDeath_KeepsTheSameKey()
    {
        var one = ElderWhoDied(new DateOnly(2024, 3, 15))
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, April, key: "PAY-04");
        var two = ElderWhoDied(new DateOnly(2024, 3, 15))
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, April, key: "PAY-04")
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, April.AddMonths(1), key: "PAY-05");

        var before = Assert.Single(Run.Rule<BenefitAfterDeathRule>(one));
        var after = Assert.Single(Run.Rule<BenefitAfterDeathRule>(two));

        Assert.Equal(before.Key, after.Key);
        Assert.Equal([PaymentSource("PAY-04"), PaymentSource("PAY-05")], after.Sources);
    }

    [Fact]
    public void Find_OpenEndedEmploymentAfterDeath_FlagsIt()
    {
        var unit = Household(People.Head() with { DeathDate = March })
            .Employed(People.HeadId, new DateOnly(2023, 3, 1), key: "EMP-1");

        var finding = Assert.Single(Run.Rule<BenefitAfterDeathRule>(unit));

        Assert.Equal([EmploymentSource("EMP-1")], finding.Sources);
        Assert.Equal([Department.Relocation, Department.HumanResources], finding.Departments);
    }

    [Fact]
    public void Find_EmploymentEndingOnTheDayOfDeath_ReportsNothing()
    {
        var unit = Household(People.Head() with { DeathDate = March })
            .Employed(People.HeadId, new DateOnly(2023, 3, 1), March);

        Assert.Empty(Run.Rule<BenefitAfterDeathRule>(unit));
    }

    [Fact]
    public void Find_EmploymentEndingTheDayAfterDeath_FlagsIt()
    {
        var unit = Household(People.Head() with { DeathDate = March })
            .Employed(People.HeadId, new DateOnly(2023, 3, 1), March.AddDays(1));

        Assert.Single(Run.Rule<BenefitAfterDeathRule>(unit));
    }

    [Fact]
    public void Find_EmploymentStartingAfterDeath_FlagsIt()
    {
        var unit = Household(People.Head() with { DeathDate = March })
            .Employed(People.HeadId, April, April.AddMonths(2));

        Assert.Single(Run.Rule<BenefitAfterDeathRule>(unit));
    }

    [Fact]
    public void Find_LivingMemberWithPayments_ReportsNothing()
    {
        var unit = Household(People.Head(), People.Elder())
            .Paid(People.ElderId, WelfareProgramme.CareAllowance, April)
            .Employed(People.HeadId, March);

        Assert.Empty(Run.Rule<BenefitAfterDeathRule>(unit));
    }
}
