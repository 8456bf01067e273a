namespace Hezhou.Exchange.Cli.Files;

/// <summary>Reads files through, record by record, to find any that does not parse before anything is sent.</summary>
internal static class RecordFileCheck
{
    /// <summary>The number of records in each file; every file that does not parse is named in one exception.</summary>
    public static IReadOnlyDictionary<string, long> CountAll(IReadOnlyList<string> paths, CsvEncoding encoding = CsvEncoding.Detect)
    {
        var counts = new Dictionary<string, long>();
        var problems = new List<string>();
        foreach (var path in paths.Distinct())
        {
            try
            {
                counts[path] = RecordFiles.Read(path, encoding).LongCount();
            }
            catch (RecordFileException e)
            {
                problems.Add(e.Message);
            }
        }
        return problems.Count == 0
            ? counts
            : throw new RecordFileException(string.Join(Environment.NewLine, problems)
                + Environment.NewLine + "Nothing was sent.");
    }
}
