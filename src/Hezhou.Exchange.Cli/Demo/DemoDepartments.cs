using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Demo;

/// <summary>A department as the data set and the demo see it: its files' name, its development key, its records.</summary>
internal sealed record DemoDepartment(Department Department, string FileName, string DevelopmentKey)
{
    public IEnumerable<SubmissionRecord> Records(GeneratedDataSet dataSet) =>
        dataSet.RecordsOf((Domain.Department)(int)Department);

    public int RecordCount(GeneratedDataSet dataSet) => Department switch
    {
        Department.Relocation => dataSet.RelocationRecords,
        Department.HumanResources => dataSet.HumanResourcesRecords,
        _ => dataSet.CivilAffairsRecords,
    };
}

/// <summary>The three submitting departments with the development keys README.md publishes.</summary>
internal static class DemoDepartments
{
    /// <summary>The auditor's development key: it reads the store and the statistics.</summary>
    public const string AuditorKey = "dev-auditor-key";

    public static readonly IReadOnlyList<DemoDepartment> All =
    [
        new(Department.Relocation, "relocation", "dev-relocation-key"),
        new(Department.HumanResources, "human-resources", "dev-human-resources-key"),
        new(Department.CivilAffairs, "civil-affairs", "dev-civil-affairs-key"),
    ];
}
