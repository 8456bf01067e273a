using Hezhou.Exchange.Server.Mapping;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.AccessLog;

/// <summary>
/// Who read whose personal data, when, through which method and why. A read is logged before its data is returned:
/// if the log cannot be written, the call fails and nothing is shown. <see cref="ListAsync"/> shows one citizen who
/// looked at their data (administrators only).
/// </summary>
public sealed class PersonalDataAccessLog(
    ExchangeDbContext db, AccessLogStore logStore, AccessLogWriter writer, TimeProvider clock, PageToken pageTokens)
{
    /// <summary>One read of one subject, and how many records about it were returned.</summary>
    public sealed record Read(string Subject, int RecordCount);

    /// <summary>Writes one row per subject read; subjects are stored in full, whatever the caller saw.</summary>
    public async Task WriteAsync(
        Caller caller, string method, string purpose, IEnumerable<Read> reads, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await writer.AppendAsync(
            [.. reads.Select(read => new AccessLogEntry
            {
                Principal = caller.Name,
                Method = method,
                Subject = read.Subject,
                Purpose = purpose,
                RecordCount = read.RecordCount,
                AccessedAt = now,
            })],
            cancellationToken);
    }

    /// <summary>The reads of one citizen's data, newest first, paged by the log's own order of writing.</summary>
    public async Task<V1.ListAccessLogResponse> ListAsync(
        Caller caller, V1.ListAccessLogRequest request, CancellationToken cancellationToken)
    {
        var violations = new AuditArguments.Violations();
        violations.CitizenId("citizen_id", request.CitizenId, AuditArguments.Today(clock));
        var pageSize = violations.PageSize("page_size", request.PageSize);
        violations.ThrowIfAny();

        var fingerprint = PageToken.Fingerprint(caller, nameof(ListAsync), request.CitizenId);
        var after = pageTokens.LastKey(request.PageToken, fingerprint, "page_token") is { } key
            ? long.TryParse(key, out var id) ? id : throw AuditArguments.InvalidPageToken("page_token")
            : (long?)null;

        var rows = await logStore.ReadAsync(
            db, log => AccessLogIndex.BySubjectAsync(log, request.CitizenId, after ?? long.MaxValue, pageSize + 1, cancellationToken));

        var page = rows.Take(pageSize).ToList();
        var response = new V1.ListAccessLogResponse
        {
            NextPageToken = rows.Count > pageSize
                ? pageTokens.Create(page[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), fingerprint)
                : "",
        };
        response.Entries.Add(page.Select(AuditMapping.ToProto));
        return response;
    }
}
