using Google.Protobuf;
using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Bench;

/// <summary>One department's share of the data set, cut into batches of stream messages ahead of time.</summary>
internal sealed record DepartmentLoad(Department Department, string ApiKey, IReadOnlyList<IReadOnlyList<StreamRecordsRequest>> Batches)
{
    public long Records => Batches.Sum(b => b.Sum(m => (long)m.Records.Count));
}

/// <summary>
/// The generated data set as the three departments send it, built into messages before any clock starts so that the
/// figures measure the service, not the generator. Every run at one scale sends byte-identical messages.
/// </summary>
internal sealed class Workload
{
    public const int RecordsPerBatch = 10_000;
    public const int RecordsPerMessage = 500;

    private Workload(int scale, IReadOnlyList<DepartmentLoad> departments, IReadOnlyList<string> citizenIds,
        IReadOnlyList<string> householdIds, IReadOnlyList<SubmissionRecord> employments)
    {
        Scale = scale;
        Departments = departments;
        CitizenIds = citizenIds;
        HouseholdIds = householdIds;
        Employments = employments;
    }

    public int Scale { get; }

    public IReadOnlyList<DepartmentLoad> Departments { get; }

    public long Records => Departments.Sum(d => d.Records);

    public long Bytes => Departments.Sum(d => d.Batches.Sum(b => b.Sum(m => (long)m.CalculateSize())));

    public IReadOnlyList<string> CitizenIds { get; }

    public IReadOnlyList<string> HouseholdIds { get; }

    /// <summary>The first employment records sent, to be corrected by the delta figure.</summary>
    public IReadOnlyList<SubmissionRecord> Employments { get; }

    /// <param name="perDepartment">At most this many records of each department (the smoke run's small slice).</param>
    public static Workload Build(int scale, string runId, int perDepartment = int.MaxValue)
    {
        var dataSet = DataSetGenerator.Generate(new DataSetOptions { Scale = scale });
        var citizenIds = new List<string>();
        var householdIds = new List<string>();
        var employments = new List<SubmissionRecord>();
        var departments = new List<DepartmentLoad>();
        foreach (var (department, key) in BenchKeys.Departments)
        {
            var batches = new List<IReadOnlyList<StreamRecordsRequest>>();
            var batch = new List<StreamRecordsRequest>();
            StreamRecordsRequest? message = null;
            var inBatch = 0;
            foreach (var record in dataSet.RecordsOf((Domain.Department)(int)department).Take(perDepartment))
            {
                if (inBatch == RecordsPerBatch)
                {
                    batches.Add(batch);
                    batch = [];
                    message = null;
                    inBatch = 0;
                }
                if (message is null || message.Records.Count == RecordsPerMessage)
                {
                    message = new StreamRecordsRequest { BatchId = $"{runId}-{department}-{batches.Count:D5}" };
                    batch.Add(message);
                }
                message.Records.Add(record);
                inBatch++;

                switch (record.ContentCase)
                {
                    case SubmissionRecord.ContentOneofCase.Household:
                        householdIds.Add(record.SourceKey);
                        citizenIds.AddRange(record.Household.Members.Select(m => m.CitizenId));
                        break;
                    case SubmissionRecord.ContentOneofCase.Employment when employments.Count < 1_000:
                        employments.Add(record);
                        break;
                }
            }
            if (batch.Count > 0)
            {
                batches.Add(batch);
            }
            departments.Add(new DepartmentLoad(department, key, batches));
        }
        return new Workload(scale, departments, citizenIds.Distinct().ToList(), householdIds, employments);
    }

    /// <summary>
    /// A correction of <paramref name="count"/> employments: the same records with a monthly income <paramref name="yuan"/> higher,
    /// each a new version that sends its household back to the reconciler.
    /// </summary>
    public SubmitBatchRequest Correction(string batchId, int count, int yuan)
    {
        var request = new SubmitBatchRequest { BatchId = batchId };
        foreach (var original in Employments.Take(count))
        {
            var corrected = original.Clone();
            corrected.Employment.MonthlyIncome.Units += yuan;
            request.Records.Add(corrected);
        }
        return request;
    }
}

/// <summary>
/// The benchmark's own keys, one per caller it plays; the server, in Production as deployed, is given them by their
/// SHA-256 (<see cref="ServerUnderTest.StartServerAsync"/>) and would refuse the published development keys.
/// </summary>
internal static class BenchKeys
{
    public const string Auditor = "bench-auditor-key";

    public static readonly IReadOnlyList<(Department Department, string Key)> Departments =
    [
        (Department.Relocation, "bench-relocation-key"),
        (Department.HumanResources, "bench-human-resources-key"),
        (Department.CivilAffairs, "bench-civil-affairs-key"),
    ];

    public static string KeyOf(Department department) => Departments.Single(d => d.Department == department).Key;
}
