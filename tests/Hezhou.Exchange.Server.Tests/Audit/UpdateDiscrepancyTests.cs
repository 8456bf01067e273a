using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class UpdateDiscrepancyTests
{
    [Fact]
    public async Task UpdateDiscrepancy_AcknowledgeThenWaive_StatusMovesAndHistoryKeepsEachStep()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);

        var acknowledged = await audit.UpdateDiscrepancyAsync(
            new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Acknowledge, Note = "following up with HR" },
            Deadlines.Call);
        var waived = await audit.UpdateDiscrepancyAsync(
            new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Waive, Note = "moved to another city in 2023" },
            Deadlines.Call);

        Assert.Equal(DiscrepancyStatus.Acknowledged, acknowledged.Discrepancy.Status);
        Assert.Equal(DiscrepancyStatus.Waived, waived.Discrepancy.Status);
        Assert.Equal(
            [DiscrepancyStatus.Open, DiscrepancyStatus.Acknowledged, DiscrepancyStatus.Waived],
            waived.Discrepancy.History.Select(e => e.Status));
        Assert.Equal(["reconciler", "auditor-dev", "auditor-dev"], waived.Discrepancy.History.Select(e => e.Principal));
        Assert.Equal("moved to another city in 2023", waived.Discrepancy.History[^1].Note);
    }

    [Fact]
    public async Task UpdateDiscrepancy_WaiveWithoutNote_FailsWithInvalidArgumentOnNote()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).UpdateDiscrepancyAsync(
                new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Waive, Note = "  " }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["note"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task UpdateDiscrepancy_UnspecifiedActionOrNoteOverThousandCharacters_FailsNamingTheFields()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).UpdateDiscrepancyAsync(
                new UpdateDiscrepancyRequest { Key = key, Note = new string('注', 1001) }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["action", "note"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task UpdateDiscrepancy_AcknowledgeWaived_FailsWithTransitionNotAllowed()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);
        await audit.UpdateDiscrepancyAsync(
            new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Waive, Note = "known case" }, Deadlines.Call);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DISCREPANCY_TRANSITION_NOT_ALLOWED", () =>
            audit.UpdateDiscrepancyAsync(
                new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Acknowledge }, Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task UpdateDiscrepancy_ResolvedByCorrectedData_FailsWithTransitionNotAllowed()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);
        await app.Submissions(DevelopmentKeys.HumanResources)
            .SubmitReconciledAsync("hr-withdraw", Records.Withdrawal("EMP-X", RecordKind.Employment));
        var audit = app.Audit(DevelopmentKeys.AuditorWithPersonalData);
        var resolved = await audit.ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Status = DiscrepancyStatus.Resolved }, Deadlines.Call);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DISCREPANCY_TRANSITION_NOT_ALLOWED", () =>
            audit.UpdateDiscrepancyAsync(
                new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Acknowledge }, Deadlines.Call).ResponseAsync);

        Assert.Equal(key, Assert.Single(resolved.Discrepancies).Key);
    }

    [Fact]
    public async Task UpdateDiscrepancy_UnknownKey_FailsWithDiscrepancyNotFound()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);

        foreach (var key in new[] { "unknown-person/nobody/", "unknown-person/451102************/#999" })
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, "DISCREPANCY_NOT_FOUND", () =>
                audit.UpdateDiscrepancyAsync(
                    new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Acknowledge }, Deadlines.Call).ResponseAsync);
        }
    }

    [Fact]
    public async Task UpdateDiscrepancy_KeyAsListedWithMaskedCitizenId_ActsOnThatDiscrepancy()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);
        var masked = Assert.Single((await audit.ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call)).Discrepancies).Key;

        var response = await audit.UpdateDiscrepancyAsync(
            new UpdateDiscrepancyRequest { Key = masked, Action = DiscrepancyAction.Acknowledge }, Deadlines.Call);

        Assert.Equal(DiscrepancyStatus.Acknowledged, response.Discrepancy.Status);
        Assert.Equal(masked, response.Discrepancy.Key);
    }

    [Fact]
    public async Task UpdateDiscrepancy_TwoAuditorsAcknowledgeAtOnce_OnlyOneMovesIt()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);
        var request = new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Acknowledge };

        var outcomes = await Task.WhenAll(
            new[] { DevelopmentKeys.Auditor, DevelopmentKeys.AuditorWithPersonalData }.Select(async apiKey =>
            {
                try
                {
                    await app.Audit(apiKey).UpdateDiscrepancyAsync(request, Deadlines.Call);
                    return StatusCode.OK;
                }
                catch (RpcException exception)
                {
                    return exception.StatusCode;
                }
            }));

        Assert.Single(outcomes, o => o == StatusCode.OK);
        Assert.Single(outcomes, o => o is StatusCode.FailedPrecondition or StatusCode.Aborted);
        var listed = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call);
        Assert.Single(listed.Discrepancies[0].History, e => e.Status == DiscrepancyStatus.Acknowledged);
    }
}
