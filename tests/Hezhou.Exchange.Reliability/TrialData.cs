using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.V1;
using Rule = Hezhou.Exchange.Domain.Reconciliation.DiscrepancyRule;

namespace Hezhou.Exchange.Reliability;

/// <summary>
/// One department's records, in the order its system sends them, the key it sends them with, and how many records go
/// in one batch.
/// </summary>
public sealed record DepartmentFeed(string Name, string ApiKey, int RecordsPerBatch, Func<IEnumerable<SubmissionRecord>> Records)
{
    /// <summary>
    /// The records cut into batches, each with an id derived from its position ("&lt;department&gt;-&lt;index of its
    /// first record&gt;"), so that sending again sends the same ids.
    /// </summary>
    public IEnumerable<(string BatchId, SubmissionRecord[] Records)> Batches()
    {
        long firstIndex = 0;
        foreach (var batch in Records().Chunk(RecordsPerBatch))
        {
            yield return ($"{Name}-{firstIndex:D9}", batch);
            firstIndex += batch.Length;
        }
    }
}

/// <summary>
/// What a trial pushes: the three departments' records of a generated city, with planted discrepancies and a
/// malformed copy after every so many records (rejected, so the quarantine has something to keep), and how many records
/// go in one stream message.
/// </summary>
public sealed record TrialData(string Description, IReadOnlyList<DepartmentFeed> Departments, int RecordsPerMessage)
{
    /// <summary>
    /// The whole default data set (seed 20231231, scale 1: 25 sites, 14,596 households, 218,424 records) with two
    /// discrepancies of every rule planted, pushed as the command-line client pushes: batches of 10,000 records in
    /// messages of 1,000.
    /// </summary>
    public static TrialData FullDataSet(int malformedEvery = 500)
    {
        var dataSet = DataSetGenerator.Generate(new DataSetOptions(Inject: EveryRule(2)));
        return new TrialData(
            $"the default data set with 2 discrepancies of every rule planted and a malformed copy after every " +
            $"{malformedEvery:N0}th record",
            [
                new("relocation", DevelopmentKeys.Relocation, 10_000, () => WithMalformedCopies(dataSet.Relocation, malformedEvery)),
                new("human-resources", DevelopmentKeys.HumanResources, 10_000, () => WithMalformedCopies(dataSet.HumanResources, malformedEvery)),
                new("civil-affairs", DevelopmentKeys.CivilAffairs, 10_000, () => WithMalformedCopies(dataSet.CivilAffairs, malformedEvery)),
            ],
            RecordsPerMessage: 1_000);
    }

    /// <summary>
    /// A deterministic slice of the default data set (with one discrepancy of every rule planted): all 25 sites, the
    /// first <paramref name="households"/> households and those the planted discrepancies concern, every employment,
    /// welfare entitlement and payment of their members (and of the planted unknown person), and ten job vacancies.
    /// Each department sends its records in <paramref name="batchesPerDepartment"/> batches.
    /// </summary>
    public static TrialData Slice(int households = 100, int malformedEvery = 40, int batchesPerDepartment = 4, int recordsPerMessage = 25)
    {
        var dataSet = DataSetGenerator.Generate(new DataSetOptions(Inject: EveryRule(1)));
        var subjects = dataSet.Injected.Select(i => i.Key.Split('/')[1]).ToHashSet(StringComparer.Ordinal);

        var relocation = dataSet.Relocation.ToList();
        var index = 0;
        var chosen = relocation
            .Where(r => r.ContentCase == SubmissionRecord.ContentOneofCase.Site
                || (r.ContentCase == SubmissionRecord.ContentOneofCase.Household
                    && (index++ < households || Concerns(r, subjects))))
            .ToList();
        var persons = chosen.Where(r => r.ContentCase == SubmissionRecord.ContentOneofCase.Household)
            .SelectMany(r => r.Household.Members.Select(m => m.CitizenId))
            .Concat(subjects)
            .ToHashSet(StringComparer.Ordinal);
        var vacancies = 0;
        var humanResources = dataSet.HumanResources
            .Where(r => r.ContentCase == SubmissionRecord.ContentOneofCase.JobVacancy
                ? vacancies++ < 10
                : persons.Contains(PersonOf(r)))
            .ToList();
        var civilAffairs = dataSet.CivilAffairs.Where(r => persons.Contains(PersonOf(r))).ToList();

        return new TrialData(
            $"a slice of the default data set ({households:N0} households and those of the planted discrepancies) with " +
            $"1 discrepancy of every rule planted and a malformed copy after every {malformedEvery:N0}th record",
            [
                Feed("relocation", DevelopmentKeys.Relocation, [.. WithMalformedCopies(chosen, malformedEvery)]),
                Feed("human-resources", DevelopmentKeys.HumanResources, [.. WithMalformedCopies(humanResources, malformedEvery)]),
                Feed("civil-affairs", DevelopmentKeys.CivilAffairs, [.. WithMalformedCopies(civilAffairs, malformedEvery)]),
            ],
            recordsPerMessage);

        DepartmentFeed Feed(string name, string apiKey, List<SubmissionRecord> records) =>
            new(name, apiKey, (records.Count + batchesPerDepartment - 1) / batchesPerDepartment, () => records);
    }

    /// <summary>Every record each department sends, malformed copies included.</summary>
    public int RecordCount => Departments.Sum(d => d.Records().Count());

    private static Dictionary<Rule, int> EveryRule(int cases) =>
        Enum.GetValues<Rule>().Where(r => r != Rule.Unspecified).ToDictionary(r => r, _ => cases);

    private static bool Concerns(SubmissionRecord household, HashSet<string> subjects) =>
        subjects.Contains(household.SourceKey) || household.Household.Members.Any(m => subjects.Contains(m.CitizenId));

    private static string PersonOf(SubmissionRecord record) => record.ContentCase switch
    {
        SubmissionRecord.ContentOneofCase.Employment => record.Employment.Person.CitizenId,
        SubmissionRecord.ContentOneofCase.WelfareEntitlement => record.WelfareEntitlement.Person.CitizenId,
        SubmissionRecord.ContentOneofCase.WelfarePayment => record.WelfarePayment.Person.CitizenId,
        _ => "",
    };

    /// <summary>The records, each <paramref name="every"/>th followed by a copy that breaks a rule.</summary>
    private static IEnumerable<SubmissionRecord> WithMalformedCopies(IEnumerable<SubmissionRecord> records, int every)
    {
        var index = 0;
        foreach (var record in records)
        {
            yield return record;
            if (++index % every == 0)
            {
                yield return Malformed(record);
            }
        }
    }

    /// <summary>
    /// The record as a department's system mangles it: a citizen ID with the wrong check character, or for records that
    /// name nobody a source key with a space in it.
    /// </summary>
    private static SubmissionRecord Malformed(SubmissionRecord record)
    {
        var copy = record.Clone();
        switch (copy.ContentCase)
        {
            case SubmissionRecord.ContentOneofCase.Household:
                copy.Household.Members[0].CitizenId = WrongCheckCharacter(copy.Household.Members[0].CitizenId);
                break;
            case SubmissionRecord.ContentOneofCase.Employment:
                copy.Employment.Person.CitizenId = WrongCheckCharacter(copy.Employment.Person.CitizenId);
                break;
            case SubmissionRecord.ContentOneofCase.WelfareEntitlement:
                copy.WelfareEntitlement.Person.CitizenId = WrongCheckCharacter(copy.WelfareEntitlement.Person.CitizenId);
                break;
            case SubmissionRecord.ContentOneofCase.WelfarePayment:
                copy.WelfarePayment.Person.CitizenId = WrongCheckCharacter(copy.WelfarePayment.Person.CitizenId);
                break;
            default:
                copy.SourceKey += " copy";
                break;
        }
        return copy;
    }

    private static string WrongCheckCharacter(string citizenId) =>
        citizenId[..17] + (citizenId[17] == '0' ? '1' : '0');
}
