using Google.Protobuf;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Submissions;

/// <summary>
/// A stream's records, kept in a temporary file while the client sends them, so that the batch's transaction begins
/// only once the client has half-closed: a store that lets one writer in at a time is never held by a call that waits on
/// the network. The file is the records as length-delimited protobuf, deleted when the spool is disposed (a process
/// killed mid-stream leaves its file in the temporary folder: hezhou-stream-*.spool). It can be read any number of
/// times, so a batch whose store failed transiently is run again from it.
/// </summary>
public sealed class StreamSpool : IAsyncEnumerable<V1.SubmissionRecord>, IAsyncDisposable
{
    private const int BufferBytes = 64 * 1024;

    private readonly FileStream file = new(
        Path.Combine(Path.GetTempPath(), $"hezhou-stream-{Guid.NewGuid():N}.spool"),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        BufferBytes,
        FileOptions.DeleteOnClose);

    private bool reading;

    public int RecordCount { get; private set; }

    public async Task AppendAsync(IEnumerable<V1.SubmissionRecord> records, CancellationToken cancellationToken)
    {
        if (reading)
        {
            throw new InvalidOperationException("The spool is being read; nothing more may be appended.");
        }
        foreach (var record in records)
        {
            record.WriteDelimitedTo(file);
            RecordCount++;
        }
        await file.FlushAsync(cancellationToken);
    }

    /// <summary>Every record appended, in order; one enumeration at a time.</summary>
    public async IAsyncEnumerator<V1.SubmissionRecord> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        reading = true;
        await file.FlushAsync(cancellationToken);
        file.Position = 0;
        for (var index = 0; index < RecordCount; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return V1.SubmissionRecord.Parser.ParseDelimitedFrom(file);
        }
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
