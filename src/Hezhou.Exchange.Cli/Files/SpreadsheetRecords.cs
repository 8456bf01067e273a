using Hezhou.Exchange.V1;
using C = Hezhou.Exchange.Cli.Files.RecordColumns;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>A spreadsheet row as read: its row number (the header is row 1) and its cells by column.</summary>
internal sealed record SpreadsheetRow(int Number, IReadOnlyDictionary<RecordColumn, string> Cells);

/// <summary>
/// Turns spreadsheet rows back into records, whatever the file format: consecutive rows of one household (same
/// source key) are reassembled into one household with its members in row order.
/// </summary>
internal static class SpreadsheetRecords
{
    public static IEnumerable<LocatedRecord> Assemble(string path, IEnumerable<SpreadsheetRow> rows)
    {
        LocatedRecord? household = null;
        RowCells? householdFirstRow = null;
        foreach (var row in rows)
        {
            if (row.Cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var cells = new RowCells(path, row);
            var kind = cells.Enum<RecordKind>(C.RecordKind);
            var withdrawn = cells.Boolean(C.Withdrawn);
            var sourceKey = cells.Text(C.SourceKey);
            if (kind == RecordKind.Household && !withdrawn)
            {
                if (household is not null && householdFirstRow is not null && household.Record.SourceKey == sourceKey)
                {
                    householdFirstRow.RequireSameHousehold(cells);
                    AddMember(household.Record.Household, cells);
                    continue;
                }
                if (household is not null)
                {
                    yield return household;
                }
                household = new LocatedRecord(Household(sourceKey, cells), row.Number);
                householdFirstRow = cells;
                continue;
            }
            if (household is not null)
            {
                yield return household;
                household = null;
                householdFirstRow = null;
            }
            yield return new LocatedRecord(Record(kind, withdrawn, sourceKey, cells), row.Number);
        }
        if (household is not null)
        {
            yield return household;
        }
    }

    private static SubmissionRecord Record(RecordKind kind, bool withdrawn, string sourceKey, RowCells cells)
    {
        var record = new SubmissionRecord { SourceKey = sourceKey };
        if (withdrawn)
        {
            record.Withdrawal = new Withdrawal { Kind = kind, Reason = cells.Text(C.WithdrawalReason) };
            return record;
        }
        switch (kind)
        {
            case RecordKind.Site:
                record.Site = new Site
                {
                    Name = cells.Text(C.SiteName),
                    CountyCode = cells.Text(C.CountyCode),
                    Kind = cells.Enum<SiteKind>(C.SiteKind),
                    Dwellings = cells.Integer(C.Dwellings),
                    OpenDate = cells.Date(C.OpenDate),
                };
                break;
            case RecordKind.Employment:
                record.Employment = new Employment
                {
                    Person = Person(cells),
                    Channel = cells.Enum<EmploymentChannel>(C.Channel),
                    EmployerName = cells.Text(C.EmployerName),
                    EmployerCreditCode = cells.Text(C.EmployerCreditCode),
                    Location = cells.Enum<WorkLocation>(C.Location),
                    LocationDetail = cells.Text(C.LocationDetail),
                    StartDate = cells.Date(C.StartDate),
                    EndDate = cells.Date(C.EndDate),
                    MonthlyIncome = cells.Money(C.MonthlyIncome),
                };
                break;
            case RecordKind.JobVacancy:
                record.JobVacancy = new JobVacancy
                {
                    EmployerName = cells.Text(C.EmployerName),
                    EmployerCreditCode = cells.Text(C.EmployerCreditCode),
                    Title = cells.Text(C.Title),
                    Positions = cells.Integer(C.Positions),
                    Location = cells.Enum<WorkLocation>(C.Location),
                    LocationDetail = cells.Text(C.LocationDetail),
                    MonthlyWage = cells.Money(C.MonthlyWage),
                    PostedDate = cells.Date(C.PostedDate),
                    ClosingDate = cells.Date(C.ClosingDate),
                    SiteCode = cells.Text(C.SiteCode),
                };
                break;
            case RecordKind.WelfareEntitlement:
                record.WelfareEntitlement = new WelfareEntitlement
                {
                    Person = Person(cells),
                    Programme = cells.Enum<WelfareProgramme>(C.Programme),
                    StartDate = cells.Date(C.StartDate),
                    EndDate = cells.Date(C.EndDate),
                    MonthlyAmount = cells.Money(C.MonthlyAmount),
                };
                break;
            case RecordKind.WelfarePayment:
                record.WelfarePayment = new WelfarePayment
                {
                    EntitlementKey = cells.Text(C.EntitlementKey),
                    Person = Person(cells),
                    Programme = cells.Enum<WelfareProgramme>(C.Programme),
                    Month = cells.Date(C.Month),
                    Amount = cells.Money(C.Amount),
                    PaidDate = cells.Date(C.PaidDate),
                };
                break;
            default:
                // A row without a kind becomes a record without content, which the server rejects with its reason.
                break;
        }
        return record;
    }

    private static SubmissionRecord Household(string sourceKey, RowCells cells)
    {
        var household = new Household
        {
            SiteCode = cells.Text(C.SiteCode),
            Address = cells.Text(C.Address),
            RelocationDate = cells.Date(C.RelocationDate),
        };
        AddMember(household, cells);
        return new SubmissionRecord { SourceKey = sourceKey, Household = household };
    }

    private static void AddMember(Household household, RowCells cells)
    {
        if (C.Member.All(cells.IsEmpty))
        {
            return;
        }
        household.Members.Add(new Member
        {
            CitizenId = cells.Text(C.CitizenId),
            Name = cells.Text(C.Name),
            Gender = cells.Enum<Gender>(C.Gender),
            BirthDate = cells.Date(C.BirthDate),
            Ethnicity = cells.Enum<Ethnicity>(C.Ethnicity),
            RelationToHead = cells.Enum<RelationToHead>(C.RelationToHead),
            LabourCapacity = cells.Enum<LabourCapacity>(C.LabourCapacity),
            WillingToWork = cells.Boolean(C.WillingToWork),
            InSchool = cells.Boolean(C.InSchool),
            DisabilityCategory = cells.Enum<DisabilityCategory>(C.DisabilityCategory),
            DisabilityGrade = cells.Integer(C.DisabilityGrade),
            DeathDate = cells.Date(C.DeathDate),
        });
    }

    private static PersonReference? Person(RowCells cells)
    {
        if (new[] { C.CitizenId, C.Name, C.Gender, C.BirthDate }.All(cells.IsEmpty))
        {
            return null;
        }
        return new PersonReference
        {
            CitizenId = cells.Text(C.CitizenId),
            Name = cells.Text(C.Name),
            Gender = cells.Enum<Gender>(C.Gender),
            BirthDate = cells.Date(C.BirthDate),
        };
    }

    /// <summary>One row's cells, read with the file, row and column named in every error.</summary>
    private sealed class RowCells(string path, SpreadsheetRow row)
    {
        public string Text(RecordColumn column) => row.Cells.GetValueOrDefault(column) ?? "";

        public bool IsEmpty(RecordColumn column) => string.IsNullOrWhiteSpace(Text(column));

        public Google.Type.Date? Date(RecordColumn column) => Read(column, CellValues.ParseDate);

        public Google.Type.Money? Money(RecordColumn column) => Read(column, CellValues.ParseMoney);

        public int Integer(RecordColumn column) => Read(column, CellValues.ParseInteger);

        public bool Boolean(RecordColumn column) => Read(column, CellValues.ParseBoolean);

        public T Enum<T>(RecordColumn column) where T : struct, System.Enum => Read(column, CellValues.ParseEnum<T>);

        /// <summary>A household's later rows must repeat its first row's household columns.</summary>
        public void RequireSameHousehold(RowCells later)
        {
            foreach (var column in C.Household)
            {
                if (Text(column).Trim() != later.Text(column).Trim())
                {
                    throw RecordFileException.At(path, $"row {later.Number}, column '{column.Header}'",
                        $"household {Text(C.SourceKey)} continues from row {row.Number}, but '{later.Text(column)}' "
                        + $"differs from '{Text(column)}' there; every row of a household repeats its household columns");
                }
            }
        }

        private int Number => row.Number;

        private T Read<T>(RecordColumn column, Func<string, T> parse)
        {
            try
            {
                return parse(Text(column).Trim());
            }
            catch (CellFormatException e)
            {
                throw RecordFileException.At(path, $"row {row.Number}, column '{column.Header}'", e.Message);
            }
        }
    }
}
