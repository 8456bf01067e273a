using Hezhou.Exchange.Cli.Files;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.Infrastructure;

/// <summary>Writes test records with the client's own writers, as generate would.</summary>
internal static class RecordFileWriting
{
    public static string JsonLines(TempFolder folder, string name, params SubmissionRecord[] records)
    {
        var path = folder.File(name);
        using var writer = JsonLinesWriter.Create(path);
        foreach (var record in records)
        {
            writer.Write(record);
        }
        return path;
    }

    public static string Csv(TempFolder folder, string name, Department department, params SubmissionRecord[] records)
    {
        var path = folder.File(name);
        using var writer = BilingualCsvWriter.Create(path, department);
        foreach (var record in records)
        {
            writer.Write(record);
        }
        return path;
    }

    public static string Xlsx(TempFolder folder, string name, Department department, params SubmissionRecord[] records)
    {
        var path = folder.File(name);
        XlsxWriter.Write(path, records, department);
        return path;
    }
}
