using Hezhou.Exchange.V1;
using C = Hezhou.Exchange.Cli.Files.RecordColumns;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>
/// A record as spreadsheet rows: one row per record, except a household, which takes one row per member with the
/// household's own columns repeated on each (the way the relocation office keeps its 花名册).
/// </summary>
internal static class RecordRows
{
    public static IEnumerable<IReadOnlyDictionary<RecordColumn, string>> Of(SubmissionRecord record)
    {
        var row = new Dictionary<RecordColumn, string>
        {
            [C.RecordKind] = CellValues.Enum(KindOf(record)),
            [C.SourceKey] = record.SourceKey,
        };
        switch (record.ContentCase)
        {
            case SubmissionRecord.ContentOneofCase.Withdrawal:
                row[C.Withdrawn] = CellValues.Boolean(true);
                row[C.WithdrawalReason] = record.Withdrawal.Reason;
                yield return row;
                break;
            case SubmissionRecord.ContentOneofCase.Site:
                AddSite(row, record.Site);
                yield return row;
                break;
            case SubmissionRecord.ContentOneofCase.Household:
                row[C.SiteCode] = record.Household.SiteCode;
                row[C.Address] = record.Household.Address;
                row[C.RelocationDate] = CellValues.Date(record.Household.RelocationDate);
                if (record.Household.Members.Count == 0)
                {
                    yield return row;
                }
                foreach (var member in record.Household.Members)
                {
                    var memberRow = new Dictionary<RecordColumn, string>(row);
                    AddMember(memberRow, member);
                    yield return memberRow;
                }
                break;
            case SubmissionRecord.ContentOneofCase.Employment:
                AddEmployment(row, record.Employment);
                yield return row;
                break;
            case SubmissionRecord.ContentOneofCase.JobVacancy:
                AddJobVacancy(row, record.JobVacancy);
                yield return row;
                break;
            case SubmissionRecord.ContentOneofCase.WelfareEntitlement:
                AddEntitlement(row, record.WelfareEntitlement);
                yield return row;
                break;
            case SubmissionRecord.ContentOneofCase.WelfarePayment:
                AddPayment(row, record.WelfarePayment);
                yield return row;
                break;
            default:
                yield return row;
                break;
        }
    }

    /// <summary>The kind of record a row describes; a withdrawal names the kind it withdraws.</summary>
    public static RecordKind KindOf(SubmissionRecord record) => record.ContentCase switch
    {
        SubmissionRecord.ContentOneofCase.Site => RecordKind.Site,
        SubmissionRecord.ContentOneofCase.Household => RecordKind.Household,
        SubmissionRecord.ContentOneofCase.Employment => RecordKind.Employment,
        SubmissionRecord.ContentOneofCase.JobVacancy => RecordKind.JobVacancy,
        SubmissionRecord.ContentOneofCase.WelfareEntitlement => RecordKind.WelfareEntitlement,
        SubmissionRecord.ContentOneofCase.WelfarePayment => RecordKind.WelfarePayment,
        SubmissionRecord.ContentOneofCase.Withdrawal => record.Withdrawal.Kind,
        _ => RecordKind.Unspecified,
    };

    private static void AddSite(Dictionary<RecordColumn, string> row, Site site)
    {
        row[C.SiteName] = site.Name;
        row[C.CountyCode] = site.CountyCode;
        row[C.SiteKind] = CellValues.Enum(site.Kind);
        row[C.Dwellings] = CellValues.Integer(site.Dwellings);
        row[C.OpenDate] = CellValues.Date(site.OpenDate);
    }

    private static void AddMember(Dictionary<RecordColumn, string> row, Member member)
    {
        row[C.CitizenId] = member.CitizenId;
        row[C.Name] = member.Name;
        row[C.Gender] = CellValues.Enum(member.Gender);
        row[C.BirthDate] = CellValues.Date(member.BirthDate);
        row[C.Ethnicity] = CellValues.Enum(member.Ethnicity);
        row[C.RelationToHead] = CellValues.Enum(member.RelationToHead);
        row[C.LabourCapacity] = CellValues.Enum(member.LabourCapacity);
        row[C.WillingToWork] = CellValues.Boolean(member.WillingToWork);
        row[C.InSchool] = CellValues.Boolean(member.InSchool);
        row[C.DisabilityCategory] = CellValues.Enum(member.DisabilityCategory);
        row[C.DisabilityGrade] = CellValues.Integer(member.DisabilityGrade);
        row[C.DeathDate] = CellValues.Date(member.DeathDate);
    }

    private static void AddPerson(Dictionary<RecordColumn, string> row, PersonReference? person)
    {
        if (person is null)
        {
            return;
        }
        row[C.CitizenId] = person.CitizenId;
        row[C.Name] = person.Name;
        row[C.Gender] = CellValues.Enum(person.Gender);
        row[C.BirthDate] = CellValues.Date(person.BirthDate);
    }

    private static void AddEmployment(Dictionary<RecordColumn, string> row, Employment employment)
    {
        AddPerson(row, employment.Person);
        row[C.Channel] = CellValues.Enum(employment.Channel);
        row[C.EmployerName] = employment.EmployerName;
        row[C.EmployerCreditCode] = employment.EmployerCreditCode;
        row[C.Location] = CellValues.Enum(employment.Location);
        row[C.LocationDetail] = employment.LocationDetail;
        row[C.StartDate] = CellValues.Date(employment.StartDate);
        row[C.EndDate] = CellValues.Date(employment.EndDate);
        row[C.MonthlyIncome] = CellValues.Money(employment.MonthlyIncome);
    }

    private static void AddJobVacancy(Dictionary<RecordColumn, string> row, JobVacancy vacancy)
    {
        row[C.EmployerName] = vacancy.EmployerName;
        row[C.EmployerCreditCode] = vacancy.EmployerCreditCode;
        row[C.Title] = vacancy.Title;
        row[C.Positions] = CellValues.Integer(vacancy.Positions);
        row[C.Location] = CellValues.Enum(vacancy.Location);
        row[C.LocationDetail] = vacancy.LocationDetail;
        row[C.MonthlyWage] = CellValues.Money(vacancy.MonthlyWage);
        row[C.PostedDate] = CellValues.Date(vacancy.PostedDate);
        row[C.ClosingDate] = CellValues.Date(vacancy.ClosingDate);
        row[C.SiteCode] = vacancy.SiteCode;
    }

    private static void AddEntitlement(Dictionary<RecordColumn, string> row, WelfareEntitlement entitlement)
    {
        AddPerson(row, entitlement.Person);
        row[C.Programme] = CellValues.Enum(entitlement.Programme);
        row[C.StartDate] = CellValues.Date(entitlement.StartDate);
        row[C.EndDate] = CellValues.Date(entitlement.EndDate);
        row[C.MonthlyAmount] = CellValues.Money(entitlement.MonthlyAmount);
    }

    private static void AddPayment(Dictionary<RecordColumn, string> row, WelfarePayment payment)
    {
        row[C.EntitlementKey] = payment.EntitlementKey;
        AddPerson(row, payment.Person);
        row[C.Programme] = CellValues.Enum(payment.Programme);
        row[C.Month] = CellValues.Date(payment.Month);
        row[C.Amount] = CellValues.Money(payment.Amount);
        row[C.PaidDate] = CellValues.Date(payment.PaidDate);
    }
}
