using Grpc.Core;
using Hezhou.Exchange.Server.AccessLog;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Storage;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Audit;

/// <summary>
/// The auditors' entry point: maps calls onto the audit features. Who may call what is decided before any of this
/// runs (<see cref="MethodPermissions"/>).
/// </summary>
public sealed class AuditGrpcService(
    LoggedReconciledViews views,
    HouseholdListing households,
    DiscrepancyListing discrepancies,
    DiscrepancyReview review,
    RecordHistoryReader history,
    PersonalDataAccessLog accessLog,
    StatisticsQuery statistics,
    ExchangeDbContext db,
    StoreWriteGate writeGate)
    : V1.AuditService.AuditServiceBase
{
    public override Task<V1.GetPersonResponse> GetPerson(V1.GetPersonRequest request, ServerCallContext context) =>
        views.GetPersonAsync(CallerOf(context), context.Method, request, context.CancellationToken);

    public override Task<V1.GetHouseholdResponse> GetHousehold(V1.GetHouseholdRequest request, ServerCallContext context) =>
        views.GetHouseholdAsync(CallerOf(context), context.Method, request, context.CancellationToken);

    public override Task<V1.ListHouseholdsResponse> ListHouseholds(V1.ListHouseholdsRequest request, ServerCallContext context) =>
        households.ListAsync(CallerOf(context), request, context.CancellationToken);

    public override Task<V1.ListDiscrepanciesResponse> ListDiscrepancies(
        V1.ListDiscrepanciesRequest request, ServerCallContext context) =>
        discrepancies.ListAsync(CallerOf(context), context.Method, request, context.CancellationToken);

    public override Task<V1.UpdateDiscrepancyResponse> UpdateDiscrepancy(
        V1.UpdateDiscrepancyRequest request, ServerCallContext context) =>
        writeGate.RunAsync(db, token => review.UpdateAsync(CallerOf(context), request, token), context.CancellationToken);

    public override Task<V1.AnswerDiscrepancyResponse> AnswerDiscrepancy(
        V1.AnswerDiscrepancyRequest request, ServerCallContext context) =>
        writeGate.RunAsync(db, token => review.AnswerAsync(CallerOf(context), request, token), context.CancellationToken);

    public override Task<V1.GetStatisticsResponse> GetStatistics(V1.GetStatisticsRequest request, ServerCallContext context) =>
        statistics.GetAsync(request, context.CancellationToken);

    public override Task<V1.GetRecordHistoryResponse> GetRecordHistory(
        V1.GetRecordHistoryRequest request, ServerCallContext context) =>
        history.GetAsync(CallerOf(context), context.Method, request, context.CancellationToken);

    public override Task<V1.ListAccessLogResponse> ListAccessLog(V1.ListAccessLogRequest request, ServerCallContext context) =>
        accessLog.ListAsync(CallerOf(context), request, context.CancellationToken);

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
