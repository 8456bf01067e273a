using System.Text.Encodings.Web;
using System.Text.Json;
using Hezhou.Exchange.Cli.Demo;
using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>Writes a generated data set as the departments would exchange it, one record at a time.</summary>
internal static class DataSetFiles
{
    public sealed record WrittenFile(string Path, long Records);

    private static readonly JsonSerializerOptions InjectedJson = new()
    {
        WriteIndented = true,
        // The descriptions are Chinese and English; keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>"&lt;department&gt;.jsonl" and "&lt;department&gt;.csv" (and ".xlsx" if asked) in one pass over the records.</summary>
    public static IReadOnlyList<WrittenFile> Write(
        string folder, DemoDepartment department, GeneratedDataSet dataSet, bool xlsx, Action written, CancellationToken cancellationToken)
    {
        var jsonLinesPath = Path.Combine(folder, department.FileName + ".jsonl");
        var csvPath = Path.Combine(folder, department.FileName + ".csv");
        long count = 0;
        using (var jsonLines = JsonLinesWriter.Create(jsonLinesPath))
        using (var csv = BilingualCsvWriter.Create(csvPath, department.Department))
        {
            foreach (var record in department.Records(dataSet))
            {
                cancellationToken.ThrowIfCancellationRequested();
                jsonLines.Write(record);
                csv.Write(record);
                count++;
                written();
            }
        }
        List<WrittenFile> files = [new(jsonLinesPath, count), new(csvPath, count)];
        if (xlsx)
        {
            var xlsxPath = Path.Combine(folder, department.FileName + ".xlsx");
            XlsxWriter.Write(xlsxPath, department.Records(dataSet), department.Department);
            files.Add(new WrittenFile(xlsxPath, count));
        }
        return files;
    }

    /// <summary>"injected.json": the discrepancies planted, with the keys reconciliation will give them.</summary>
    public static WrittenFile WriteInjected(string folder, IReadOnlyList<InjectedDiscrepancy> injected)
    {
        var path = Path.Combine(folder, "injected.json");
        var truth = injected.Select(i => new { rule = Finding.Slug(i.Rule), key = i.Key, description = i.Description });
        File.WriteAllText(path, JsonSerializer.Serialize(truth, InjectedJson) + Environment.NewLine);
        return new WrittenFile(path, injected.Count);
    }
}
