using static Hezhou.Exchange.Domain.Reconciliation.Rules.AuditorText;

namespace Hezhou.Exchange.Domain.Reconciliation.Rules;

/// <summary>One citizen ID, two identities: departments disagree on a person's name, gender or birth date.</summary>
/// <remarks>
/// The relocation office is authoritative for identity, so each claim of human resources and civil affairs is
/// checked against its member record. A person no household holds has no such record; then the two other
/// departments' claims are checked against each other. Names are compared with <see cref="NameComparison"/>, so
/// width, spacing and the middle dot of minority names are not differences; a gender or birth date a department
/// left unset is not one either.
/// </remarks>
public sealed class IdentityMismatchRule : IReconciliationRule
{
    public DiscrepancyRule Rule => DiscrepancyRule.IdentityMismatch;

    public IEnumerable<Finding> Find(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        var records = UnitRecords.Of(unit);
        var findings = new List<Finding>();
        foreach (var citizenId in records.JudgedPersons)
        {
            var claims = records.ClaimsAbout(citizenId);
            var finding = records.MemberOf(citizenId) is { } member
                ? AgainstMember(unit.Household!, member, claims)
                : BetweenDepartments(citizenId, claims);
            if (finding is not null)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private Finding? AgainstMember(
        HouseholdFact household, MemberFact member, IReadOnlyList<(SourceReference Source, PersonClaim Claim)> claims)
    {
        var disagreeing = claims
            .Where(c => Disagree(c.Claim, member.Name, member.Gender, member.BirthDate))
            .ToList();
        if (disagreeing.Count == 0)
        {
            return null;
        }

        var person = (Zh: PersonZh(member.Name, member.CitizenId), En: PersonEn(member.Name, member.CitizenId));
        return KeyedFindings.Create(
            Rule,
            member.CitizenId,
            "",
            Severity.Warning,
            disagreeing.Select(c => c.Source).Prepend(household.Source),
            [],
            $"易地搬迁办在搬迁户 {household.HouseholdId} 中登记{person.Zh}，性别{GenderZh(member.Gender)}，" +
            $"出生日期 {Date(member.BirthDate)}；以下记录与之不一致：" +
            string.Join("；", disagreeing.Select(c => $"{RecordZh(c.Source)}{DifferencesZh(c.Claim, member)}")) + "。",
            $"The relocation office lists {person.En} in household {household.HouseholdId}, " +
            $"{GenderEn(member.Gender)}, born {Date(member.BirthDate)}; these records disagree: " +
            string.Join("; ", disagreeing.Select(c => $"{RecordEn(c.Source)}{DifferencesEn(c.Claim, member)}")) + ".");
    }

    private Finding? BetweenDepartments(
        string citizenId, IReadOnlyList<(SourceReference Source, PersonClaim Claim)> claims)
    {
        var humanResources = claims.Where(c => c.Source.Department == Department.HumanResources).ToList();
        var civilAffairs = claims.Where(c => c.Source.Department == Department.CivilAffairs).ToList();
        var involved = new HashSet<SourceReference>();
        foreach (var hr in humanResources)
        {
            foreach (var ca in civilAffairs.Where(ca => Disagree(hr.Claim, ca.Claim.Name, ca.Claim.Gender, ca.Claim.BirthDate)))
            {
                involved.Add(hr.Source);
                involved.Add(ca.Source);
            }
        }

        if (involved.Count == 0)
        {
            return null;
        }

        var named = claims.Where(c => involved.Contains(c.Source)).ToList();
        return KeyedFindings.Create(
            Rule,
            citizenId,
            "",
            Severity.Warning,
            involved,
            [],
            $"没有搬迁户登记公民身份号码 {citizenId}，人社局与民政局对此人的身份记载不一致：" +
            string.Join("；", named.Select(c => $"{RecordZh(c.Source)}记为{ClaimZh(c.Claim)}")) + "。",
            $"No household holds citizen ID {citizenId}, and human resources and civil affairs disagree on who it is: " +
            string.Join("; ", named.Select(c => $"{RecordEn(c.Source)} says {ClaimEn(c.Claim)}")) + ".");
    }

    private static bool Disagree(PersonClaim claim, string name, Gender? gender, DateOnly? birthDate) =>
        !NameComparison.SameName(claim.Name, name)
        || (claim.Gender is { } g && gender is { } other && g != other)
        || (claim.BirthDate is { } b && birthDate is { } otherBirth && b != otherBirth);

    private static string DifferencesZh(PersonClaim claim, MemberFact member)
    {
        var parts = new List<string>();
        if (!NameComparison.SameName(claim.Name, member.Name))
        {
            parts.Add($"姓名记为“{claim.Name}”");
        }

        if (claim.Gender is { } gender && gender != member.Gender)
        {
            parts.Add($"性别记为{GenderZh(gender)}");
        }

        if (claim.BirthDate is { } birth && birth != member.BirthDate)
        {
            parts.Add($"出生日期记为 {Date(birth)}");
        }

        return string.Join("，", parts);
    }

    private static string DifferencesEn(PersonClaim claim, MemberFact member)
    {
        var parts = new List<string>();
        if (!NameComparison.SameName(claim.Name, member.Name))
        {
            parts.Add($"name \"{claim.Name}\"");
        }

        if (claim.Gender is { } gender && gender != member.Gender)
        {
            parts.Add($"gender {GenderEn(gender)}");
        }

        if (claim.BirthDate is { } birth && birth != member.BirthDate)
        {
            parts.Add($"birth date {Date(birth)}");
        }

        return " gives " + string.Join(", ", parts);
    }

    private static string ClaimZh(PersonClaim claim) =>
        $"“{claim.Name}”" +
        (claim.Gender is { } g ? $"，{GenderZh(g)}" : "") +
        (claim.BirthDate is { } b ? $"，{Date(b)} 出生" : "");

    private static string ClaimEn(PersonClaim claim) =>
        $"\"{claim.Name}\"" +
        (claim.Gender is { } g ? $", {GenderEn(g)}" : "") +
        (claim.BirthDate is { } b ? $", born {Date(b)}" : "");
}
