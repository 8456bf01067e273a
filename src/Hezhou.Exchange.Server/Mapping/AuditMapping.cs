using Google.Protobuf.WellKnownTypes;
using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Submissions;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using D = Hezhou.Exchange.Domain;
using E = Hezhou.Exchange.Storage.Entities;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Mapping;

/// <summary>
/// Maps the reconciled store to the auditors' contract and the contract's filters to the domain. Enum numbers are
/// the same on both sides; money leaves as CNY from integer fen; citizen IDs leave whole, to be
/// masked on the way out for callers without the personal-data scope (<see cref="Security.PersonalDataMaskInterceptor"/>).
/// </summary>
public static class AuditMapping
{
    public static V1.ReconciledPerson ToProto(this E.ReconciledPerson row)
    {
        var person = new V1.ReconciledPerson
        {
            CitizenId = row.CitizenId,
            Name = row.Name,
            Gender = (V1.Gender)row.Gender,
            BirthDate = ToDate(row.BirthDate),
            Ethnicity = (V1.Ethnicity)row.Ethnicity,
            RelationToHead = (V1.RelationToHead)row.RelationToHead,
            LabourCapacity = (V1.LabourCapacity)row.LabourCapacity,
            WillingToWork = row.WillingToWork,
            InSchool = row.InSchool,
            DisabilityCategory = (V1.DisabilityCategory)row.DisabilityCategory,
            DisabilityGrade = row.DisabilityGrade,
            DeathDate = row.DeathDate is { } death ? ToDate(death) : null,
            HouseholdId = row.HouseholdId ?? "",
            SiteCode = row.SiteCode ?? "",
        };
        person.Provenance.Add(Provenance(row.Provenance));
        return person;
    }

    public static V1.ReconciledHousehold ToProto(this E.ReconciledHousehold row, string? siteName)
    {
        var household = new V1.ReconciledHousehold
        {
            HouseholdId = row.HouseholdId,
            SiteCode = row.SiteCode,
            SiteName = siteName ?? "",
            CountyCode = row.CountyCode ?? "",
            Address = row.Address,
            RelocationDate = ToDate(row.RelocationDate),
        };
        household.Provenance.Add(Provenance(row.Provenance));
        return household;
    }

    /// <param name="caller">Whose view it is: a caller who sees IDs masked gets the key in its addressable masked form.</param>
    public static V1.Discrepancy ToProto(this E.DiscrepancyEntry entry, Caller caller)
    {
        var discrepancy = new V1.Discrepancy
        {
            Key = caller.SeesPersonalData ? entry.Key : DiscrepancyKeys.Masked(entry.Key, entry.Id),
            Rule = (V1.DiscrepancyRule)entry.Rule,
            Subject = entry.Subject,
            Period = entry.Period,
            Severity = (V1.Severity)entry.Severity,
            Status = (V1.DiscrepancyStatus)entry.Status,
            ExplanationZh = entry.ExplanationZh,
            ExplanationEn = entry.ExplanationEn,
            FirstSeenTime = ToTimestamp(entry.FirstSeenAt),
            LastSeenTime = ToTimestamp(entry.LastSeenAt),
            HouseholdId = entry.HouseholdId ?? "",
            SiteCode = entry.SiteCode ?? "",
            CountyCode = entry.CountyCode ?? "",
        };
        discrepancy.Departments.Add(Departments(entry).Select(d => (V1.Department)d));
        var sources = string.IsNullOrEmpty(entry.Sources) ? [] : StoredJson.Read<List<SourceReference>>(entry.Sources);
        discrepancy.Sources.Add(sources.Select(ToProto));
        discrepancy.History.Add(entry.History.OrderBy(e => e.At).ThenBy(e => e.Id).Select(ToProto));
        return discrepancy;
    }

    public static V1.DiscrepancyEvent ToProto(this E.DiscrepancyEvent step) => new()
    {
        EventTime = ToTimestamp(step.At),
        Principal = step.Principal,
        Status = (V1.DiscrepancyStatus)step.Status,
        Answer = (V1.DiscrepancyAnswer)(step.Answer ?? DepartmentAnswer.Unspecified),
        Note = step.Note,
    };

    public static V1.SourceVersionReference ToProto(this SourceReference source) => new()
    {
        Department = (V1.Department)source.Department,
        Kind = (V1.RecordKind)source.Kind,
        SourceKey = source.SourceKey,
        Version = source.Version,
    };

    /// <summary>The departments whose records a discrepancy involves, in the contract's order.</summary>
    /// <summary>One version of a source record as it was received, with the record it holds.</summary>
    public static V1.SourceVersion ToProto(this E.SourceVersion version, V1.SubmissionRecord record) => new()
    {
        Reference = new SourceReference(version.Department, version.Kind, version.SourceKey, version.Version).ToProto(),
        Principal = version.Principal,
        BatchId = version.BatchId,
        ReceiveTime = ToTimestamp(version.ReceivedAt),
        ContentDigest = version.ContentDigest,
        Record = record,
    };

    public static V1.AccessLogEntry ToProto(this E.AccessLogEntry row) => new()
    {
        AccessTime = ToTimestamp(row.AccessedAt),
        Principal = row.Principal,
        Method = row.Method,
        Subject = row.Subject,
        Purpose = row.Purpose,
        RecordCount = row.RecordCount,
    };

    public static IEnumerable<D.Department> Departments(E.DiscrepancyEntry entry)
    {
        if (entry.InvolvesRelocation)
        {
            yield return D.Department.Relocation;
        }
        if (entry.InvolvesHumanResources)
        {
            yield return D.Department.HumanResources;
        }
        if (entry.InvolvesCivilAffairs)
        {
            yield return D.Department.CivilAffairs;
        }
    }

    public static D.Department ToDomain(this V1.Department department) => (D.Department)department;

    public static D.RecordKind ToDomain(this V1.RecordKind kind) => (D.RecordKind)kind;

    public static DiscrepancyRule ToDomain(this V1.DiscrepancyRule rule) => (DiscrepancyRule)rule;

    public static DiscrepancyStatus ToDomain(this V1.DiscrepancyStatus status) => (DiscrepancyStatus)status;

    public static AuditorAction ToDomain(this V1.DiscrepancyAction action) => (AuditorAction)action;

    public static DepartmentAnswer ToDomain(this V1.DiscrepancyAnswer answer) => (DepartmentAnswer)answer;

    public static V1.HouseholdSummary HouseholdSummary(
        string householdId, string siteCode, string? countyCode, int livingMembers, int openDiscrepancies) => new()
    {
        HouseholdId = householdId,
        SiteCode = siteCode,
        CountyCode = countyCode ?? "",
        MemberCount = livingMembers,
        OpenDiscrepancyCount = openDiscrepancies,
    };

    /// <summary>A person's employment: the record as human resources sent it, and whether it is stable on the date asked.</summary>
    public static V1.PersonEmployment PersonEmployment(SourceReference source, byte[]? sent, bool stable) => new()
    {
        Source = source.ToProto(),
        Employment = SourcePayload.DecodeIfAny(sent)?.Employment,
        Stable = stable,
    };

    /// <summary>A person's entitlement as civil affairs sent it, with the payments made under it.</summary>
    public static V1.PersonWelfare PersonWelfare(SourceReference source, byte[]? sent, int paymentCount, long paidFen) => new()
    {
        Source = source.ToProto(),
        Entitlement = SourcePayload.DecodeIfAny(sent)?.WelfareEntitlement,
        PaymentCount = paymentCount,
        PaidTotal = FromFen(paidFen),
    };

    public static Google.Type.Date ToDate(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>An amount in fen as CNY: units are whole yuan, nanos the fen (1 fen = 10,000,000 nanos).</summary>
    public static Google.Type.Money FromFen(long fen)
    {
        var amount = Money.FromFen(fen);
        return new() { CurrencyCode = amount.CurrencyCode, Units = amount.Units, Nanos = amount.Nanos };
    }

    public static Timestamp ToTimestamp(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static IEnumerable<V1.FieldProvenance> Provenance(string json) =>
        string.IsNullOrEmpty(json)
            ? []
            : StoredJson.Read<List<FieldProvenance>>(json).Select(field =>
            {
                var provenance = new V1.FieldProvenance { Field = field.Field, Source = (V1.Department)field.Source };
                provenance.Values.Add(field.Values.Select(value => new V1.DepartmentValue
                {
                    Department = (V1.Department)value.Department,
                    Value = value.Value,
                    Source = value.Source.ToProto(),
                }));
                return provenance;
            });
}
