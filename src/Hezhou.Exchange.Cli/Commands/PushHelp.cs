using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.V1;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Hezhou.Exchange.Cli.Commands;

/// <summary>The columns a spreadsheet of one kind of record has, and which of them a record must fill.</summary>
/// <remarks><see cref="Conditions"/> says when a column of <see cref="Required"/> may after all be left empty.</remarks>
internal sealed record KindColumns(
    RecordKind Kind,
    IReadOnlyList<RecordColumn> Columns,
    IReadOnlySet<RecordColumn> Required,
    IReadOnlyDictionary<RecordColumn, string> Conditions);

/// <summary>
/// What push --help says about spreadsheets: each record kind's columns, found by writing a record of that kind with
/// every field set through the same <see cref="RecordRows"/> that generate writes with, so that the list cannot drift
/// from the files. Which columns are required is the server's validation (SubmissionValidator), repeated here; a test
/// (PushHelpRequiredColumnsTests) blanks each column of a valid record and holds the two together.
/// </summary>
internal static class PushHelp
{
    /// <summary>The columns the server requires of each kind, by their English names (empty cells are rejected).</summary>
    private static readonly Dictionary<RecordKind, string[]> RequiredNames = new()
    {
        [RecordKind.Site] = ["site_name", "county_code", "site_kind"],
        [RecordKind.Household] =
        [
            "site_code", "relocation_date", "citizen_id", "name", "gender", "birth_date", "ethnicity", "relation_to_head",
            "labour_capacity", "disability_category", "disability_grade",
        ],
        [RecordKind.Employment] = ["citizen_id", "name", "channel", "employer_name", "employer_credit_code", "location", "start_date", "monthly_income"],
        [RecordKind.JobVacancy] = ["employer_name", "employer_credit_code", "title", "positions", "location", "monthly_wage", "posted_date"],
        [RecordKind.WelfareEntitlement] = ["citizen_id", "name", "programme", "start_date", "monthly_amount"],
        [RecordKind.WelfarePayment] = ["entitlement_key", "citizen_id", "name", "programme", "month", "amount"],
    };

    /// <summary>Required columns that some records may leave empty, and which.</summary>
    private static readonly Dictionary<RecordKind, Dictionary<string, string>> ConditionNames = new()
    {
        [RecordKind.Household] = new() { ["disability_grade"] = "1 most severe to 4; empty for a member without a disability" },
        [RecordKind.Employment] = new() { ["employer_credit_code"] =
            $"empty for the channels {EnumLabels.Bilingual(EmploymentChannel.Flexible)} and {EnumLabels.Bilingual(EmploymentChannel.SelfEmployment)}" },
    };

    public static IReadOnlyList<KindColumns> Kinds { get; } = [.. RequiredNames.Keys.Select(Of)];

    /// <summary>The help text: per kind, its columns "中文 / english", required ones marked with *.</summary>
    public static IEnumerable<IRenderable> Footer()
    {
        yield return new Markup("[yellow]COLUMNS (CSV, XLSX):[/]\n");
        yield return new Text(
            "    Every row has 记录类型 / record_kind* and 记录编号 / source_key*; a withdrawal has 是否撤回 / withdrawn = 是\n"
            + "    and 撤回原因 / withdrawal_reason. A header may be in one language only. * = required.\n");
        foreach (var kind in Kinds)
        {
            yield return new Text($"    {EnumLabels.Bilingual(kind.Kind)}:\n", new Style(decoration: Decoration.Bold));
            foreach (var column in kind.Columns.Where(c => !RecordColumns.Common.Contains(c)))
            {
                var condition = kind.Conditions.TryGetValue(column, out var when) ? $" ({when})" : "";
                yield return new Text($"        {column.Header}{(kind.Required.Contains(column) ? "*" : "")}{condition}\n");
            }
        }
        yield return new Text("    Rows and lines are counted from 1: the header is row 1, so a file's first record is row 2.\n");
    }

    /// <summary>The exit codes, for every command's help.</summary>
    public static IEnumerable<IRenderable> ExitCodesFooter()
    {
        yield return new Markup("[yellow]EXIT CODES:[/]\n");
        yield return new Text(
            "    0 done · 1 records rejected (push) or figures differ (demo) · 2 usage error or unreadable file\n"
            + "    3 server unreachable or stopped answering · 4 key refused or not permitted · 5 other server error\n"
            + "    6 store not empty (demo) · 7 ledger broken (verify) · 130 interrupted\n");
    }

    private static KindColumns Of(RecordKind kind)
    {
        var record = new SubmissionRecord { SourceKey = "K" };
        var field = SubmissionRecord.Descriptor.Oneofs.Single(o => o.Name == "content").Fields
            .Single(f => f.MessageType is { } type && KindOf(type) == kind);
        var content = field.MessageType.Parser.ParseFrom(ByteString.Empty);
        Fill(content);
        field.Accessor.SetValue(record, content);
        var columns = RecordRows.Of(record).SelectMany(row => row.Where(c => c.Value.Length > 0).Select(c => c.Key)).ToHashSet();
        var ordered = RecordColumns.All.Where(columns.Contains).ToList();
        var required = RequiredNames[kind]
            .Select(name => RecordColumns.All.Single(c => c.Name == name))
            .Append(RecordColumns.RecordKind).Append(RecordColumns.SourceKey)
            .ToHashSet();
        var conditions = ConditionNames.GetValueOrDefault(kind, [])
            .ToDictionary(c => RecordColumns.All.Single(column => column.Name == c.Key), c => c.Value);
        return new KindColumns(kind, ordered, required, conditions);
    }

    private static RecordKind KindOf(MessageDescriptor type)
    {
        var probe = new SubmissionRecord();
        var field = SubmissionRecord.Descriptor.Oneofs.Single(o => o.Name == "content").Fields.Single(f => f.MessageType == type);
        field.Accessor.SetValue(probe, type.Parser.ParseFrom(ByteString.Empty));
        return RecordRows.KindOf(probe);
    }

    /// <summary>Sets every field of the message (and of its messages, and one element of each list) to a non-default value.</summary>
    private static void Fill(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap)
            {
                continue;
            }
            var value = ValueOf(field);
            if (value is null)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
            }
            else
            {
                field.Accessor.SetValue(message, value);
            }
        }
    }

    private static object? ValueOf(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "x",
        FieldType.Bool => true,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 1,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 1L,
        FieldType.UInt32 or FieldType.Fixed32 => 1U,
        FieldType.UInt64 or FieldType.Fixed64 => 1UL,
        FieldType.Enum => field.EnumType.Values.FirstOrDefault(v => v.Number != 0) is { } v ? Enum.ToObject(field.EnumType.ClrType, v.Number) : null,
        FieldType.Message => Message(field.MessageType),
        _ => null,
    };

    private static IMessage Message(MessageDescriptor type)
    {
        var message = type.Parser.ParseFrom(ByteString.Empty);
        if (type.FullName == Google.Type.Date.Descriptor.FullName)
        {
            return new Google.Type.Date { Year = 2020, Month = 1, Day = 1 };
        }
        Fill(message);
        return message;
    }
}

/// <summary>Spectre.Console.Cli's help, with the exit codes on every command and push's columns on push's.</summary>
internal sealed class HezhouHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        var footer = base.GetFooter(model, command).ToList();
        if (command?.Name == "push")
        {
            footer.AddRange(PushHelp.Footer());
        }
        footer.AddRange(PushHelp.ExitCodesFooter());
        return footer;
    }
}
