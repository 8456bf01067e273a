using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class AnswerDiscrepancyTests
{
    [Fact]
    public async Task AnswerDiscrepancy_InvolvedDepartment_AnswerKeptInHistoryAndStatusUnchanged()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);

        var response = await app.Audit(DevelopmentKeys.HumanResources).AnswerDiscrepancyAsync(
            new AnswerDiscrepancyRequest { Key = key, Answer = DiscrepancyAnswer.WillCorrect, Reason = "typo in the citizen ID" },
            Deadlines.Call);

        Assert.Equal(DiscrepancyStatus.Open, response.Discrepancy.Status);
        var answer = response.Discrepancy.History[^1];
        Assert.Equal(DiscrepancyAnswer.WillCorrect, answer.Answer);
        Assert.Equal(DiscrepancyStatus.Open, answer.Status);
        Assert.Equal("human-resources-dev", answer.Principal);
        Assert.Equal("typo in the citizen ID", answer.Note);
    }

    [Fact]
    public async Task AnswerDiscrepancy_KeyAsListedWithMaskedCitizenId_AnswersThatDiscrepancy()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);
        var hr = app.Audit(DevelopmentKeys.HumanResources);
        var listed = Assert.Single((await hr.ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call)).Discrepancies);
        Assert.Contains("********", listed.Key);

        var response = await hr.AnswerDiscrepancyAsync(
            new AnswerDiscrepancyRequest { Key = listed.Key, Answer = DiscrepancyAnswer.Disputed, Reason = "the person moved away" },
            Deadlines.Call);

        Assert.Equal(listed.Key, response.Discrepancy.Key);
        Assert.Equal(DiscrepancyAnswer.Disputed, response.Discrepancy.History[^1].Answer);
        var full = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call);
        Assert.Equal(key, Assert.Single(full.Discrepancies).Key);
    }

    [Theory]
    [InlineData(DevelopmentKeys.CivilAffairs)]
    [InlineData(DevelopmentKeys.Relocation)]
    public async Task AnswerDiscrepancy_UninvolvedDepartment_FailsWithPermissionDenied(string apiKey)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "DEPARTMENT_NOT_PERMITTED", () =>
            app.Audit(apiKey).AnswerDiscrepancyAsync(
                new AnswerDiscrepancyRequest { Key = key, Answer = DiscrepancyAnswer.Disputed, Reason = "not ours" },
                Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task AnswerDiscrepancy_Auditor_FailsWithPermissionDenied()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED", () =>
            app.Audit(DevelopmentKeys.AuditorWithPersonalData).AnswerDiscrepancyAsync(
                new AnswerDiscrepancyRequest { Key = key, Answer = DiscrepancyAnswer.Disputed, Reason = "auditors do not answer" },
                Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task AnswerDiscrepancy_Waived_FailsWithTransitionNotAllowed()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);
        await app.Audit(DevelopmentKeys.Auditor).UpdateDiscrepancyAsync(
            new UpdateDiscrepancyRequest { Key = key, Action = DiscrepancyAction.Waive, Note = "known case" }, Deadlines.Call);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DISCREPANCY_TRANSITION_NOT_ALLOWED", () =>
            app.Audit(DevelopmentKeys.HumanResources).AnswerDiscrepancyAsync(
                new AnswerDiscrepancyRequest { Key = key, Answer = DiscrepancyAnswer.Disputed, Reason = "late answer" },
                Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task AnswerDiscrepancy_UnknownKey_FailsWithDiscrepancyNotFound()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "DISCREPANCY_NOT_FOUND", () =>
            app.Audit(DevelopmentKeys.HumanResources).AnswerDiscrepancyAsync(
                new AnswerDiscrepancyRequest { Key = "unknown-person/nobody/", Answer = DiscrepancyAnswer.Disputed, Reason = "?" },
                Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task AnswerDiscrepancy_WithoutAnswerOrReason_FailsNamingTheFields()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.HumanResources).AnswerDiscrepancyAsync(
                new AnswerDiscrepancyRequest { Key = "unknown-person/nobody/" }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["answer", "reason"], AuditData.ViolatedFields(status));
    }
}
