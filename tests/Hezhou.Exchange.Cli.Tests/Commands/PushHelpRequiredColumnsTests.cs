using Hezhou.Exchange.Cli.Commands;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.Cli.Tests.Files;
using Hezhou.Exchange.Domain.Submissions;
using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Commands;

/// <summary>
/// push --help's required columns are the server's: a column is required exactly when a valid record with that cell
/// left empty (in every row of the record) is rejected by the validation the server runs.
/// </summary>
public sealed class PushHelpRequiredColumnsTests
{
    private static readonly DateOnly ReferenceDate = new(2024, 6, 1);

    public static TheoryData<RecordKind> Kinds() => [.. PushHelp.Kinds.Select(k => k.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Required_IsWhatTheValidatorRejectsWhenEmpty(RecordKind kind)
    {
        var help = PushHelp.Kinds.Single(k => k.Kind == kind);
        var record = RecordFileTests.EveryKind().First(r => r.ContentCase != SubmissionRecord.ContentOneofCase.Withdrawal && RecordRows.KindOf(r) == kind);
        Assert.Empty(Violations(record, blank: null));

        var rejectedWhenEmpty = help.Columns
            .Where(c => !RecordColumns.Common.Contains(c) && Violations(record, blank: c).Count > 0)
            .ToHashSet();

        Assert.Equal(
            string.Join(",", help.Required.Where(c => !RecordColumns.Common.Contains(c)).Select(c => c.Name).Order()),
            string.Join(",", rejectedWhenEmpty.Select(c => c.Name).Order()));
    }

    [Theory]
    [InlineData(EmploymentChannel.Flexible, false)]
    [InlineData(EmploymentChannel.SelfEmployment, false)]
    [InlineData(EmploymentChannel.LabourExport, true)]
    public void EmployerCreditCode_RequiredSaveForTheChannelsTheHelpNames(EmploymentChannel channel, bool required)
    {
        var record = Records.Employment("EMP-0001");
        record.Employment.Channel = channel;
        var help = PushHelp.Kinds.Single(k => k.Kind == RecordKind.Employment);

        Assert.Equal(required, Violations(record, RecordColumns.EmployerCreditCode).Count > 0);
        var condition = help.Conditions[RecordColumns.EmployerCreditCode];
        Assert.Equal(!required, condition.Contains(EnumLabels.Bilingual(channel)));
    }

    [Theory]
    [InlineData(DisabilityCategory.None, false)]
    [InlineData(DisabilityCategory.Visual, true)]
    public void DisabilityGrade_RequiredOnlyForAMemberWithADisability(DisabilityCategory category, bool required)
    {
        var record = Records.Household("HH-0001");
        foreach (var member in record.Household.Members)
        {
            member.DisabilityCategory = category;
            member.DisabilityGrade = category == DisabilityCategory.None ? 0 : 3;
        }

        Assert.Equal(required, Violations(record, RecordColumns.DisabilityGrade).Count > 0);
        Assert.Contains("empty for a member without a disability",
            PushHelp.Kinds.Single(k => k.Kind == RecordKind.Household).Conditions[RecordColumns.DisabilityGrade]);
    }

    /// <summary>The validator's verdict on the record as push would read it back from a spreadsheet with one column emptied.</summary>
    private static IReadOnlyList<FieldViolation> Violations(SubmissionRecord record, RecordColumn? blank)
    {
        var rows = RecordRows.Of(record)
            .Select((cells, i) => new SpreadsheetRow(i + 2, cells.ToDictionary(c => c.Key, c => c.Key == blank ? "" : c.Value)))
            .ToList();
        var read = Assert.Single(SpreadsheetRecords.Assemble("help.csv", rows));
        return SubmissionValidator.Validate(read.Record.ToDomain(), ReferenceDate);
    }
}
