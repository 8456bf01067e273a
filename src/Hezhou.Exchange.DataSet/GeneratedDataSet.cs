using Hezhou.Exchange.Domain;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>
/// The three departments' submissions of a generated city, in a fixed order. Each enumeration writes the records
/// afresh from a compact plan, so even a large data set is never held in memory as messages.
/// </summary>
public sealed class GeneratedDataSet
{
    private readonly CityPlan plan;

    internal GeneratedDataSet(DataSetOptions options, CityPlan plan, IReadOnlyList<InjectedDiscrepancy> injected)
    {
        this.plan = plan;
        Options = options;
        Injected = injected;
        Persons = plan.Households.SelectMany(h => h.Members).Distinct().Count();
        CivilAffairsRecords = plan.Entitlements.Count + plan.Entitlements.Sum(e => e.PaidMonths);
    }

    public DataSetOptions Options { get; }

    /// <summary>The day the city's figures are reproduced for: 2023-12-31, the report's "截止2023年12月".</summary>
    public static DateOnly FiguresAsOf => SeedFigures.AsOf;

    /// <summary>Sites, then households with their members.</summary>
    public IEnumerable<V1.SubmissionRecord> Relocation => RecordWriter.Relocation(plan);

    /// <summary>Employments, then job vacancies.</summary>
    public IEnumerable<V1.SubmissionRecord> HumanResources => RecordWriter.HumanResources(plan);

    /// <summary>Welfare entitlements, then their monthly payments.</summary>
    public IEnumerable<V1.SubmissionRecord> CivilAffairs => RecordWriter.CivilAffairs(plan);

    /// <summary>The discrepancies planted, in the order of the rules, each with the key reconciliation gives it.</summary>
    public IReadOnlyList<InjectedDiscrepancy> Injected { get; }

    public int Sites => plan.Sites.Count;

    public int Households => plan.Households.Count;

    /// <summary>Distinct persons the households list.</summary>
    public int Persons { get; }

    public int RelocationRecords => plan.Sites.Count + plan.Households.Count;

    public int HumanResourcesRecords => plan.Employments.Count + plan.Vacancies.Count;

    public int CivilAffairsRecords { get; }

    /// <summary>The records one department submits.</summary>
    public IEnumerable<V1.SubmissionRecord> RecordsOf(Department department) => department switch
    {
        Department.Relocation => Relocation,
        Department.HumanResources => HumanResources,
        Department.CivilAffairs => CivilAffairs,
        _ => throw new ArgumentOutOfRangeException(nameof(department), department, "Not a submitting department."),
    };
}
