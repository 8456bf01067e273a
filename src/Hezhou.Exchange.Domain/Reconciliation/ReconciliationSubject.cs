using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>What a dirty-queue entry names.</summary>
public enum SubjectKind
{
    /// <summary>A household, by household ID.</summary>
    Household = 1,

    /// <summary>A person, by citizen ID: employment and welfare records name people, not households.</summary>
    Person = 2,

    /// <summary>A site, by site code: a change to a site touches every household resettled there.</summary>
    Site = 3,
}

/// <summary>A subject whose reconciled view a source record may change.</summary>
public readonly record struct ReconciliationSubject(SubjectKind Kind, string Key)
{
    /// <summary>
    /// The subjects a version of a record touches. A withdrawal touches what the withdrawn version touched, so the
    /// caller passes that version's content in its place. Job vacancies concern no household.
    /// </summary>
    public static IEnumerable<ReconciliationSubject> TouchedBy(string sourceKey, RecordContent content) => content switch
    {
        SiteRecord => [new(SubjectKind.Site, sourceKey)],
        HouseholdRecord household =>
            household.Members.Select(m => new ReconciliationSubject(SubjectKind.Person, m.CitizenId))
                .Prepend(new(SubjectKind.Household, sourceKey)),
        EmploymentRecord { Person: { } person } => [new(SubjectKind.Person, person.CitizenId)],
        WelfareEntitlementRecord { Person: { } person } => [new(SubjectKind.Person, person.CitizenId)],
        WelfarePaymentRecord { Person: { } person } => [new(SubjectKind.Person, person.CitizenId)],
        _ => [],
    };
}
