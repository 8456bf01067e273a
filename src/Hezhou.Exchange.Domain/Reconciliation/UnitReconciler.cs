using System.Globalization;
using Hezhou.Exchange.Domain.Identity;
using Hezhou.Exchange.Domain.Reconciliation.Rules;

namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>Reconciles one unit: its household and persons as one truth with provenance, and the conflicts in it.</summary>
/// <remarks>
/// <para>
/// Identity fields (name, gender, birth date) take the value of the first department in the policy's identity
/// precedence that holds one; departments the policy does not list come after those it does, so a person is never
/// left nameless while some department names them. Every department's own values stay listed beside the chosen one.
/// Household and member facts are the relocation office's alone.
/// </para>
/// <para>
/// A field no department holds (the household facts of a person no household holds, or their gender and birth date
/// when no department sent them, which are then read from the citizen ID) has provenance with source
/// <see cref="Department.Unspecified"/> and no values. Values are rendered as text: dates ISO 8601, enums by
/// their domain name (e.g. "Weak"), booleans "true"/"false", an unset date as "".
/// </para>
/// <para>
/// The output depends only on the unit's contents, never on the order of its lists: persons come by citizen ID,
/// values and sources by <see cref="SourceReference"/> order, findings by key.
/// </para>
/// </remarks>
public static class UnitReconciler
{
    private static readonly Department[] Departments =
        [Department.Relocation, Department.HumanResources, Department.CivilAffairs];

    public static ReconciledUnit Reconcile(ReconciliationUnit unit, ReconciliationPolicy policy, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(policy);
        if (unit.Household is null && unit.UnheldCitizenId is null)
        {
            throw new ArgumentException(
                "A unit is a household or a person no household holds; this one is neither.", nameof(unit));
        }

        var records = UnitRecords.Of(unit);
        var precedence = IdentityPrecedence(policy);
        var persons = records.JudgedPersons
            .Select(citizenId => records.MemberOf(citizenId) is { } member
                ? MemberView(unit.Household!, member, records.ClaimsAbout(citizenId), precedence)
                : UnheldPersonView(citizenId, records.ClaimsAbout(citizenId), precedence))
            .ToList();
        var findings = KeyedFindings.Merge(ReconciliationRules.All.SelectMany(r => r.Find(unit, policy, asOf)));
        return new ReconciledUnit(
            unit.Key,
            unit.Household is { } household ? HouseholdView(household, unit.Site) : null,
            persons,
            findings);
    }

    private static ReconciledHouseholdView HouseholdView(HouseholdFact household, SiteFact? site)
    {
        FieldProvenance FromHousehold(string field, string value) => Relocation(field, value, household.Source);
        FieldProvenance FromSite(string field, Func<SiteFact, string> value) =>
            site is null ? NoDepartment(field) : Relocation(field, value(site), site.Source);

        return new ReconciledHouseholdView(
            household.HouseholdId,
            household.SiteCode,
            site?.Name,
            site?.CountyCode,
            site?.Kind ?? SiteKind.Unspecified,
            household.Address,
            household.RelocationDate,
            [
                FromHousehold("site_code", household.SiteCode),
                FromSite("site_name", s => s.Name),
                FromSite("county_code", s => s.CountyCode),
                FromSite("site_kind", s => s.Kind.ToString()),
                FromHousehold("address", household.Address),
                FromHousehold("relocation_date", IsoDate.Format(household.RelocationDate)),
            ]);
    }

    private static ReconciledPersonView MemberView(
        HouseholdFact household,
        MemberFact member,
        IReadOnlyList<(SourceReference Source, PersonClaim Claim)> claims,
        IReadOnlyList<Department> precedence)
    {
        var own = household.Source;
        var name = Choose("name", Names(claims).Prepend((own, member.Name)), precedence, n => n);
        var gender = Choose("gender", Genders(claims).Prepend((own, member.Gender)), precedence, g => g.ToString());
        var birthDate = Choose(
            "birth_date", BirthDates(claims).Prepend((own, member.BirthDate)), precedence, IsoDate.Format);

        return new ReconciledPersonView(
            member.CitizenId,
            household.HouseholdId,
            name.Value!,
            gender.Value,
            birthDate.Value,
            member.Ethnicity,
            member.RelationToHead,
            member.LabourCapacity,
            member.WillingToWork,
            member.InSchool,
            member.DisabilityCategory,
            member.DisabilityGrade,
            member.DeathDate,
            [
                name.Provenance,
                gender.Provenance,
                birthDate.Provenance,
                Relocation("ethnicity", member.Ethnicity.ToString(), own),
                Relocation("relation_to_head", member.RelationToHead.ToString(), own),
                Relocation("labour_capacity", member.LabourCapacity.ToString(), own),
                Relocation("willing_to_work", Render(member.WillingToWork), own),
                Relocation("in_school", Render(member.InSchool), own),
                Relocation("disability_category", member.DisabilityCategory.ToString(), own),
                Relocation("disability_grade", member.DisabilityGrade.ToString(CultureInfo.InvariantCulture), own),
                Relocation("death_date", member.DeathDate is { } died ? IsoDate.Format(died) : "", own),
            ]);
    }

    private static ReconciledPersonView UnheldPersonView(
        string citizenId,
        IReadOnlyList<(SourceReference Source, PersonClaim Claim)> claims,
        IReadOnlyList<Department> precedence)
    {
        var name = Choose("name", Names(claims), precedence, n => n);
        var gender = Choose("gender", Genders(claims), precedence, g => g.ToString());
        var birthDate = Choose("birth_date", BirthDates(claims), precedence, IsoDate.Format);

        // The citizen ID itself says gender and birth date. Any reference date would do to read them: the ID was
        // validated when it was submitted, so the latest one is used rather than one that could refuse it.
        var fromId = CitizenId.TryParse(citizenId, DateOnly.MaxValue, out var id, out _, out _) ? id : (CitizenId?)null;

        return new ReconciledPersonView(
            citizenId,
            null,
            name.Value ?? "",
            gender.Found ? gender.Value : fromId?.Gender ?? Gender.Unspecified,
            birthDate.Found ? birthDate.Value : fromId?.BirthDate ?? default,
            Ethnicity.Unspecified,
            RelationToHead.Unspecified,
            LabourCapacity.Unspecified,
            WillingToWork: false,
            InSchool: false,
            DisabilityCategory.Unspecified,
            DisabilityGrade: 0,
            DeathDate: null,
            [
                name.Provenance,
                gender.Provenance,
                birthDate.Provenance,
                .. new[]
                {
                    "ethnicity", "relation_to_head", "labour_capacity", "willing_to_work", "in_school",
                    "disability_category", "disability_grade", "death_date",
                }.Select(NoDepartment),
            ]);
    }

    private static IEnumerable<(SourceReference Source, string Value)> Names(
        IEnumerable<(SourceReference Source, PersonClaim Claim)> claims) =>
        claims.Select(c => (c.Source, c.Claim.Name));

    private static IEnumerable<(SourceReference Source, Gender Value)> Genders(
        IEnumerable<(SourceReference Source, PersonClaim Claim)> claims) =>
        claims.Where(c => c.Claim.Gender is not null).Select(c => (c.Source, c.Claim.Gender!.Value));

    private static IEnumerable<(SourceReference Source, DateOnly Value)> BirthDates(
        IEnumerable<(SourceReference Source, PersonClaim Claim)> claims) =>
        claims.Where(c => c.Claim.BirthDate is not null).Select(c => (c.Source, c.Claim.BirthDate!.Value));

    /// <summary>
    /// The value of the first department in precedence that holds one (its first record in source order), and every
    /// department's distinct values, each with the first record that holds it.
    /// </summary>
    private static (bool Found, T? Value, FieldProvenance Provenance) Choose<T>(
        string field,
        IEnumerable<(SourceReference Source, T Value)> candidates,
        IReadOnlyList<Department> precedence,
        Func<T, string> render)
    {
        var sorted = candidates.OrderBy(c => c.Source, SourceReferenceOrder.Instance).ToList();
        var values = sorted
            .Select(c => new DepartmentValue(c.Source.Department, render(c.Value), c.Source))
            .DistinctBy(v => (v.Department, v.Value))
            .ToList();
        foreach (var department in precedence)
        {
            var held = sorted.FindIndex(c => c.Source.Department == department);
            if (held >= 0)
            {
                return (true, sorted[held].Value, new FieldProvenance(field, department, values));
            }
        }

        return (false, default, new FieldProvenance(field, Department.Unspecified, values));
    }

    private static IReadOnlyList<Department> IdentityPrecedence(ReconciliationPolicy policy)
    {
        var listed = policy.Precedence.TryGetValue(FieldGroup.Identity, out var order) ? order : [];
        return [.. listed.Concat(Departments).Where(d => d != Department.Unspecified).Distinct()];
    }

    private static FieldProvenance Relocation(string field, string value, SourceReference source) =>
        new(field, Department.Relocation, [new DepartmentValue(Department.Relocation, value, source)]);

    private static FieldProvenance NoDepartment(string field) => new(field, Department.Unspecified, []);

    private static string Render(bool value) => value ? "true" : "false";
}
