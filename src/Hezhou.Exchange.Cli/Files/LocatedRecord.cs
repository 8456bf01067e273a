using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Files;

/// <summary>A record read from a file, with the line (JSON Lines) or spreadsheet row it starts on.</summary>
internal sealed record LocatedRecord(SubmissionRecord Record, int Line);

/// <summary>A file that cannot be read as records; the message names the file, the line or row, and the column.</summary>
internal sealed class RecordFileException(string message) : Exception(message)
{
    public static RecordFileException At(string path, string location, string problem) =>
        new($"{Path.GetFileName(path)}: {location}: {problem}");
}
