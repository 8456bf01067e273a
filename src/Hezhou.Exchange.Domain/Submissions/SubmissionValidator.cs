using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Domain.Submissions;

/// <summary>Checks a submitted record against the contract's rules before anything is stored.</summary>
/// <remarks>
/// Every broken rule is reported, in the order of the contract's fields, with the field's snake_case path from the
/// record (e.g. "household.members[2].citizen_id"). Dates are judged against the reference date: the day the server
/// received the record, in China Standard Time. Validation only reads: nothing is trimmed or normalised.
/// </remarks>
public static class SubmissionValidator
{
    public const int MaximumMembers = 50;

    private const int NameLength = 50;
    private const int EmployerNameLength = 200;
    private const int LocationDetailLength = 200;

    public static IReadOnlyList<FieldViolation> Validate(SubmittedRecord record, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(record);

        var v = new ViolationCollector();
        FieldRules.Key(v, "source_key", record.SourceKey, Presence.Required);
        if (record.Content is not { } content)
        {
            v.Add("content", RuleCodes.ContentRequired,
                "one of site, household, employment, job_vacancy, welfare_entitlement, welfare_payment or " +
                "withdrawal must be set");
            return v.Violations;
        }

        var inContent = v.Under(content.FieldName);
        switch (content)
        {
            case SiteRecord site:
                ValidateSite(inContent, site, referenceDate);
                break;
            case HouseholdRecord household:
                ValidateHousehold(inContent, household, referenceDate);
                break;
            case EmploymentRecord employment:
                ValidateEmployment(inContent, employment, referenceDate);
                break;
            case JobVacancyRecord vacancy:
                ValidateJobVacancy(inContent, vacancy, referenceDate);
                break;
            case WelfareEntitlementRecord entitlement:
                ValidateWelfareEntitlement(inContent, entitlement, referenceDate);
                break;
            case WelfarePaymentRecord payment:
                ValidateWelfarePayment(inContent, payment, referenceDate);
                break;
            case Withdrawal withdrawal:
                ValidateWithdrawal(inContent, withdrawal);
                break;
            default:
                throw new ArgumentException($"Unknown record content {content.GetType().Name}.", nameof(record));
        }

        return v.Violations;
    }

    private static void ValidateSite(ViolationCollector v, SiteRecord site, DateOnly referenceDate)
    {
        FieldRules.Text(v, "name", site.Name, Presence.Required, maximumLength: 100);
        if (string.IsNullOrEmpty(site.CountyCode))
        {
            v.Add("county_code", RuleCodes.FieldRequired, "is required");
        }
        else if (site.CountyCode.Length != 6 || site.CountyCode.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            v.Add("county_code", RuleCodes.CountyCode,
                "must be the county's 6-digit administrative division code, e.g. 451102");
        }

        FieldRules.Enum(v, "kind", site.SiteKind, Presence.Required);
        if (site.Dwellings is < 0 or > 100_000)
        {
            v.Add("dwellings", RuleCodes.DwellingsRange, $"must be 0 (unknown) to 100,000, not {site.Dwellings}");
        }

        FieldRules.Date(v, "open_date", site.OpenDate, Presence.Optional, referenceDate);
    }

    private static void ValidateHousehold(ViolationCollector v, HouseholdRecord household, DateOnly referenceDate)
    {
        FieldRules.Key(v, "site_code", household.SiteCode, Presence.Required);
        FieldRules.Text(v, "address", household.Address, Presence.Optional, maximumLength: 200);
        FieldRules.Date(v, "relocation_date", household.RelocationDate, Presence.Required, referenceDate);

        var members = household.Members ?? [];
        if (members.Count is 0 or > MaximumMembers)
        {
            // An oversized household is rejected whole without looking at its members, so a hostile or broken
            // submission with a huge member list costs no more than a small one.
            v.Add("members", RuleCodes.MembersCount, $"must list 1 to {MaximumMembers} members, not {members.Count}");
            return;
        }

        var firstIndexOfCitizenId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            ValidateMember(v.Under($"members[{i}]"), members[i], i, firstIndexOfCitizenId, referenceDate);
        }

        var heads = members.Count(m => m.RelationToHead == RelationToHead.Self);
        if (heads != 1)
        {
            v.Add("members", RuleCodes.HeadCount,
                $"must have exactly one member with RELATION_TO_HEAD_SELF (the head of the household), not {heads}");
        }
    }

    private static void ValidateMember(
        ViolationCollector v,
        MemberRecord member,
        int index,
        Dictionary<string, int> firstIndexOfCitizenId,
        DateOnly referenceDate)
    {
        var id = CitizenIdOf(v, member.CitizenId, referenceDate);
        if (id is not null && !firstIndexOfCitizenId.TryAdd(member.CitizenId, index))
        {
            v.Add("citizen_id", RuleCodes.DuplicateMember,
                $"the same citizen ID is already held by members[{firstIndexOfCitizenId[member.CitizenId]}]");
        }

        FieldRules.Text(v, "name", member.Name, Presence.Required, NameLength);
        GenderAgreesWithCitizenId(v, member.Gender, Presence.Required, id);
        var birthDate = BirthDateAgreesWithCitizenId(v, member.BirthDate, Presence.Required, id, referenceDate);
        FieldRules.Enum(v, "ethnicity", member.Ethnicity, Presence.Required);
        FieldRules.Enum(v, "relation_to_head", member.RelationToHead, Presence.Required);
        FieldRules.Enum(v, "labour_capacity", member.LabourCapacity, Presence.Required);
        var hasCategory = FieldRules.Enum(v, "disability_category", member.DisabilityCategory, Presence.Required);
        DisabilityGradeFitsCategory(v, member.DisabilityGrade, hasCategory ? member.DisabilityCategory : null);

        var deathDate = FieldRules.Date(v, "death_date", member.DeathDate, Presence.Optional, referenceDate);
        if (deathDate is { } died && (birthDate ?? id?.BirthDate) is { } born && died < born)
        {
            v.Add("death_date", RuleCodes.DeathBeforeBirth,
                $"{IsoDate.Format(died)} is before the member's birth date {IsoDate.Format(born)}");
        }
    }

    private static void DisabilityGradeFitsCategory(ViolationCollector v, int grade, DisabilityCategory? category)
    {
        // Grade 1 is the most severe; a member without a disability certificate has no grade.
        switch (category)
        {
            case DisabilityCategory.None when grade != 0:
                v.Add("disability_grade", RuleCodes.DisabilityGrade,
                    $"must be 0 when disability_category is DISABILITY_CATEGORY_NONE, not {grade}");
                break;
            case not null and not DisabilityCategory.None when grade is < 1 or > 4:
                v.Add("disability_grade", RuleCodes.DisabilityGrade,
                    $"must be 1 (most severe) to 4 for a member with a disability, not {grade}");
                break;
            case null when grade is < 0 or > 4:
                v.Add("disability_grade", RuleCodes.DisabilityGrade, $"must be 0 to 4, not {grade}");
                break;
        }
    }

    private static void ValidatePerson(ViolationCollector parent, PersonReference? person, DateOnly referenceDate)
    {
        if (person is null)
        {
            parent.Add("person", RuleCodes.FieldRequired, "is required");
            return;
        }

        var v = parent.Under("person");
        var id = CitizenIdOf(v, person.CitizenId, referenceDate);
        FieldRules.Text(v, "name", person.Name, Presence.Required, NameLength);
        GenderAgreesWithCitizenId(v, person.Gender, Presence.Optional, id);
        BirthDateAgreesWithCitizenId(v, person.BirthDate, Presence.Optional, id, referenceDate);
    }

    private static void ValidateEmployment(ViolationCollector v, EmploymentRecord employment, DateOnly referenceDate)
    {
        ValidatePerson(v, employment.Person, referenceDate);
        FieldRules.Enum(v, "channel", employment.Channel, Presence.Required);
        FieldRules.Text(v, "employer_name", employment.EmployerName, Presence.Required, EmployerNameLength);

        // The flexibly employed and the self-employed without a registered business have no employer code.
        var creditCodePresence = employment.Channel is EmploymentChannel.Flexible or EmploymentChannel.SelfEmployment
            ? Presence.Optional
            : Presence.Required;
        CreditCode(v, "employer_credit_code", employment.EmployerCreditCode, creditCodePresence);

        FieldRules.Enum(v, "location", employment.Location, Presence.Required);
        FieldRules.Text(v, "location_detail", employment.LocationDetail, Presence.Optional, LocationDetailLength);
        var start = FieldRules.Date(v, "start_date", employment.StartDate, Presence.Required, referenceDate);
        var end = FieldRules.Date(
            v, "end_date", employment.EndDate, Presence.Optional, referenceDate, mayBeInFuture: true);
        FieldRules.Period(v, "start_date", start, "end_date", end);
        FieldRules.Amount(v, "monthly_income", employment.MonthlyIncome, Presence.Required);
    }

    private static void ValidateJobVacancy(ViolationCollector v, JobVacancyRecord vacancy, DateOnly referenceDate)
    {
        FieldRules.Text(v, "employer_name", vacancy.EmployerName, Presence.Required, EmployerNameLength);
        CreditCode(v, "employer_credit_code", vacancy.EmployerCreditCode, Presence.Required);
        FieldRules.Text(v, "title", vacancy.Title, Presence.Required, maximumLength: 100);
        if (vacancy.Positions is < 1 or > 100_000)
        {
            v.Add("positions", RuleCodes.PositionsRange, $"must be 1 to 100,000, not {vacancy.Positions}");
        }

        FieldRules.Enum(v, "location", vacancy.Location, Presence.Required);
        FieldRules.Text(v, "location_detail", vacancy.LocationDetail, Presence.Optional, LocationDetailLength);
        FieldRules.Amount(v, "monthly_wage", vacancy.MonthlyWage, Presence.Required);
        var posted = FieldRules.Date(v, "posted_date", vacancy.PostedDate, Presence.Required, referenceDate);
        var closing = FieldRules.Date(
            v, "closing_date", vacancy.ClosingDate, Presence.Optional, referenceDate, mayBeInFuture: true);
        FieldRules.Period(v, "posted_date", posted, "closing_date", closing);
        FieldRules.Key(v, "site_code", vacancy.SiteCode, Presence.Optional);
    }

    private static void ValidateWelfareEntitlement(
        ViolationCollector v, WelfareEntitlementRecord entitlement, DateOnly referenceDate)
    {
        ValidatePerson(v, entitlement.Person, referenceDate);
        FieldRules.Enum(v, "programme", entitlement.Programme, Presence.Required);
        var start = FieldRules.Date(v, "start_date", entitlement.StartDate, Presence.Required, referenceDate);
        var end = FieldRules.Date(
            v, "end_date", entitlement.EndDate, Presence.Optional, referenceDate, mayBeInFuture: true);
        FieldRules.Period(v, "start_date", start, "end_date", end);
        FieldRules.Amount(v, "monthly_amount", entitlement.MonthlyAmount, Presence.Required);
    }

    private static void ValidateWelfarePayment(
        ViolationCollector v, WelfarePaymentRecord payment, DateOnly referenceDate)
    {
        FieldRules.Key(v, "entitlement_key", payment.EntitlementKey, Presence.Required);
        ValidatePerson(v, payment.Person, referenceDate);
        FieldRules.Enum(v, "programme", payment.Programme, Presence.Required);
        FieldRules.Month(v, "month", payment.Month, Presence.Required, referenceDate);
        FieldRules.Amount(v, "amount", payment.Amount, Presence.Required);
        FieldRules.Date(v, "paid_date", payment.PaidDate, Presence.Optional, referenceDate);
    }

    private static void ValidateWithdrawal(ViolationCollector v, Withdrawal withdrawal)
    {
        FieldRules.Enum(v, "kind", withdrawal.WithdrawnKind, Presence.Required);
        FieldRules.Text(v, "reason", withdrawal.Reason, Presence.Optional, maximumLength: 500);
    }

    private static CitizenId? CitizenIdOf(ViolationCollector v, string? text, DateOnly referenceDate)
    {
        if (CitizenId.TryParse(text, referenceDate, out var id, out var rule, out var description))
        {
            return id;
        }

        v.Add("citizen_id", rule, description);
        return null;
    }

    private static void CreditCode(ViolationCollector v, string field, string? text, Presence presence)
    {
        if (string.IsNullOrEmpty(text) && presence == Presence.Optional)
        {
            return;
        }

        if (!UnifiedSocialCreditCode.TryParse(text, out _, out var rule, out var description))
        {
            v.Add(field, rule, description);
        }
    }

    private static void GenderAgreesWithCitizenId(ViolationCollector v, Gender gender, Presence presence, CitizenId? id)
    {
        if (FieldRules.Enum(v, "gender", gender, presence) && id is { } citizenId && citizenId.Gender != gender)
        {
            v.Add("gender", RuleCodes.GenderMismatchCitizenId,
                $"is {Describe(gender)}, but the citizen ID's 17th digit says {Describe(citizenId.Gender)} " +
                "(odd is male, even is female)");
        }
    }

    private static DateOnly? BirthDateAgreesWithCitizenId(
        ViolationCollector v, CalendarDate? value, Presence presence, CitizenId? id, DateOnly referenceDate)
    {
        var birthDate = FieldRules.Date(v, "birth_date", value, presence, referenceDate);
        if (birthDate is { } date && id is { } citizenId && citizenId.BirthDate != date)
        {
            v.Add("birth_date", RuleCodes.BirthDateMismatchCitizenId,
                $"{IsoDate.Format(date)} does not match the citizen ID's birth date " +
                IsoDate.Format(citizenId.BirthDate));
        }

        return birthDate;
    }

    private static string Describe(Gender gender) => gender == Gender.Male ? "male" : "female";
}
