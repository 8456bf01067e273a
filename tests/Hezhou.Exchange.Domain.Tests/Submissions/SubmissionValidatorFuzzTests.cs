using System.Text.RegularExpressions;
using CsCheck;
using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

// Random records of every kind, with hostile strings, any ints and longs, undefined enum numbers, impossible dates
// and absurd amounts in every field: the validator never throws, and every violation it reports is well-formed.
public partial class SubmissionValidatorFuzzTests
{
    private static readonly Gen<CalendarDate?> Date = Gen.Frequency(
        (3, Gen.Select(Gen.Int[1890, 2110], Gen.Int[0, 13], Gen.Int[0, 32], (y, m, d) => (CalendarDate?)new CalendarDate(y, m, d))),
        (1, Gen.Select(Fuzz.Int, Fuzz.Int, Fuzz.Int, (y, m, d) => (CalendarDate?)new CalendarDate(y, m, d))),
        (1, Gen.Const(default(CalendarDate?))));

    private static readonly Gen<MoneyAmount?> Money = Gen.Frequency(
        (4, Gen.Select(
            Gen.Frequency((4, Gen.Const("CNY")), (1, Fuzz.Text)),
            Fuzz.Long,
            Gen.Frequency((2, Gen.Int[-100, 100].Select(f => f * 10_000_000)), (1, Fuzz.Int)),
            (currency, units, nanos) => (MoneyAmount?)new MoneyAmount(currency, units, nanos))),
        (1, Gen.Const(default(MoneyAmount?))));

    // A citizen ID: a valid one, one changed in a place, or any text.
    private static readonly Gen<string> CitizenId = Gen.Frequency(
        (2, Gen.Const(Samples.HeadCitizenId)),
        (2, Gen.Select(Gen.Int[0, 17], Fuzz.Char, (at, c) => Samples.SpouseCitizenId[..at] + c + Samples.SpouseCitizenId[(at + 1)..])),
        (2, Fuzz.Text));

    private static readonly Gen<string> CreditCode = Gen.Frequency(
        (2, Gen.Const(Samples.CreditCode)),
        (2, Gen.Select(Gen.Int[0, 17], Fuzz.Char, (at, c) => Samples.CreditCode[..at] + c + Samples.CreditCode[(at + 1)..])),
        (2, Fuzz.Text));

    private static readonly Gen<PersonReference?> Person = Gen.Frequency(
        (5, Gen.Select(CitizenId, Fuzz.Text, Fuzz.Enum<Gender>(), Date, (id, name, gender, birth) => (PersonReference?)new PersonReference(id, name, gender, birth))),
        (1, Gen.Const((PersonReference?)null)));

    private static readonly Gen<MemberRecord> Member = Gen.Select(
        Gen.Select(CitizenId, Fuzz.Text, Fuzz.Enum<Gender>(), Date, Fuzz.Enum<Ethnicity>(), Fuzz.Enum<RelationToHead>()),
        Gen.Select(Fuzz.Enum<LabourCapacity>(), Gen.Bool, Gen.Bool, Fuzz.Enum<DisabilityCategory>(), Fuzz.Int, Date),
        (a, b) => new MemberRecord(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6));

    private static readonly Gen<RecordContent?> Content = Gen.OneOf<RecordContent?>(
        Gen.Select(Fuzz.Text, Fuzz.Text, Fuzz.Enum<SiteKind>(), Fuzz.Int, Date,
            (name, county, kind, dwellings, open) => new SiteRecord(name, county, kind, dwellings, open)),
        Gen.Select(Fuzz.Text, Fuzz.Text, Date, Gen.Frequency((6, Member.Array[0, 4]), (1, Member.Array[48, 53])),
            (site, address, relocated, members) => new HouseholdRecord(site, address, relocated, members)),
        Gen.Select(
            Gen.Select(Person, Fuzz.Enum<EmploymentChannel>(), Fuzz.Text, CreditCode, Fuzz.Enum<WorkLocation>()),
            Gen.Select(Fuzz.Text, Date, Date, Money),
            (a, b) => new EmploymentRecord(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, b.Item1, b.Item2, b.Item3, b.Item4)),
        Gen.Select(
            Gen.Select(Fuzz.Text, CreditCode, Fuzz.Text, Fuzz.Int, Fuzz.Enum<WorkLocation>()),
            Gen.Select(Fuzz.Text, Money, Date, Date, Fuzz.Text),
            (a, b) => new JobVacancyRecord(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5)),
        Gen.Select(Person, Fuzz.Enum<WelfareProgramme>(), Date, Date, Money,
            (person, programme, start, end, amount) => new WelfareEntitlementRecord(person, programme, start, end, amount)),
        Gen.Select(Fuzz.Text, Person, Fuzz.Enum<WelfareProgramme>(), Date, Money, Date,
            (key, person, programme, month, amount, paid) => new WelfarePaymentRecord(key, person, programme, month, amount, paid)),
        Gen.Select(Fuzz.Enum<RecordKind>(), Fuzz.Text, (kind, reason) => new Withdrawal(kind, reason)),
        Gen.Const((RecordContent?)null));

    private static readonly Gen<SubmittedRecord> Record = Gen.Select(Fuzz.Text, Content, (key, content) => new SubmittedRecord(key, content));

    private static readonly Gen<DateOnly> ReferenceDate = Gen.Frequency(
        (4, Gen.Int[1900, 2100].Select(year => new DateOnly(year, 6, 30))),
        (1, Gen.DateOnly));

    [Fact]
    public void Validate_AnyRecord_NeverThrowsAndReportsWellFormedViolations()
    {
        var rulesSeen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();

        Gen.Select(Record, ReferenceDate).Sample((record, referenceDate) =>
        {
            var violations = SubmissionValidator.Validate(record, referenceDate);

            foreach (var violation in violations)
            {
                Assert.Matches(FieldPath(), violation.Field);
                Assert.Contains(violation.Rule, Fuzz.RuleCodes);
                Assert.StartsWith(violation.Field.Split('.')[^1] + ": ", violation.Description);
                rulesSeen.AddOrUpdate(violation.Rule, 1, (_, n) => n + 1);
            }
            Assert.Equal(violations, SubmissionValidator.Validate(record, referenceDate));
        }, iter: Fuzz.Iterations);

        // The generators reach every rule the validator has, not one corner of it; the wire-level rules are the
        // server's.
        var unreached = Fuzz.RuleCodes.Except(rulesSeen.Keys).Except([RuleCodes.FieldUnknown, RuleCodes.FieldWrongType]).ToList();
        Assert.True(unreached.Count == 0, $"rules never reached: {string.Join(", ", unreached)}");
    }

    [Fact]
    public void CharacterViolations_AnyText_NeverThrowsAndNamesTextRules()
    {
        Fuzz.Text.Sample(text =>
        {
            foreach (var (rule, description) in FreeText.CharacterViolations(text))
            {
                Assert.StartsWith("TEXT_", rule);
                Assert.StartsWith("contains ", description);
            }
        }, iter: Fuzz.Iterations);
    }

    [Fact]
    public void ToFen_AnyAmount_NeverThrows()
    {
        Money.Where(m => m is not null).Sample(amount =>
        {
            if (Domain.Submissions.Money.ToFen(amount!.Value) is { } fen)
            {
                Assert.Equal(amount, Domain.Submissions.Money.FromFen(fen));
            }
        }, iter: Fuzz.Iterations);
    }

    [GeneratedRegex(@"^[a-z_0-9]+(\[\d+\])?(\.[a-z_0-9]+(\[\d+\])?)*$")]
    private static partial Regex FieldPath();
}
