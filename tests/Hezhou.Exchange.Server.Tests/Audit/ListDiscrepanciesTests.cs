using Grpc.Core;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class ListDiscrepanciesTests
{
    [Fact]
    public async Task ListDiscrepancies_MoreThanOnePage_EveryDiscrepancyOnceInOrder()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        // Seven households without employment: one zero-employment discrepancy each.
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync(
            "reloc-7", [Records.Site(), .. Enumerable.Range(1, 7).Select(i => Records.Household($"HH-000{i}", seed: i))]);
        var audit = app.Audit(DevelopmentKeys.Auditor);
        var all = await audit.ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call);

        var keys = new List<string>();
        var request = new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 3 };
        var pages = 0;
        do
        {
            var page = await audit.ListDiscrepanciesAsync(request, Deadlines.Call);
            keys.AddRange(page.Discrepancies.Select(d => d.Key));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken != "");

        Assert.True(all.Discrepancies.Count >= 7);
        Assert.Equal((all.Discrepancies.Count + 2) / 3, pages);
        Assert.Equal(all.Discrepancies.Select(d => d.Key), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task ListDiscrepancies_Discrepancy_CarriesRuleSourcesDepartmentsExplanationsAndHistory()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);

        var response = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Rule = DiscrepancyRule.UnknownPerson }, Deadlines.Call);

        var discrepancy = Assert.Single(response.Discrepancies);
        Assert.Equal(key, discrepancy.Key);
        Assert.Equal(AuditData.EmployedStranger, discrepancy.Subject);
        Assert.Equal(DiscrepancyStatus.Open, discrepancy.Status);
        Assert.NotEqual(Severity.Unspecified, discrepancy.Severity);
        Assert.Equal([Department.HumanResources], discrepancy.Departments);
        var source = Assert.Single(discrepancy.Sources);
        Assert.Equal("EMP-X", source.SourceKey);
        Assert.NotEmpty(discrepancy.ExplanationZh);
        Assert.NotEmpty(discrepancy.ExplanationEn);
        Assert.NotNull(discrepancy.FirstSeenTime);
        Assert.NotNull(discrepancy.LastSeenTime);
        var found = Assert.Single(discrepancy.History);
        Assert.Equal("reconciler", found.Principal);
        Assert.Equal(DiscrepancyStatus.Open, found.Status);
    }

    [Fact]
    public async Task ListDiscrepancies_AuditorWithoutPersonalDataScope_KeyAndSubjectMasked()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);
        var masked = AuditData.EmployedStranger[..6] + new string('*', 12);

        var response = await app.Audit(DevelopmentKeys.Auditor).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call);

        var discrepancy = Assert.Single(response.Discrepancies);
        Assert.Equal(masked, discrepancy.Subject);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(AuditData.UnknownPersonKey(masked))}#[0-9]+$", discrepancy.Key);
        Assert.DoesNotContain(AuditData.EmployedStranger, response.ToString());
    }

    [Fact]
    public async Task ListDiscrepancies_ByDepartment_SeesOnlyThoseInvolvingItsRecords()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var employed = await AuditData.PushEmployedStrangerAsync(app);
        var dibao = await AuditData.PushDibaoStrangerAsync(app);

        var humanResources = await app.Audit(DevelopmentKeys.HumanResources).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call);
        var civilAffairs = await app.Audit(DevelopmentKeys.CivilAffairs).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Department = Department.CivilAffairs }, Deadlines.Call);
        var relocation = await app.Audit(DevelopmentKeys.Relocation).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review" }, Deadlines.Call);
        var auditor = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Department = Department.HumanResources }, Deadlines.Call);

        Assert.StartsWith(MaskedKey(employed) + "#", Assert.Single(humanResources.Discrepancies).Key);
        Assert.StartsWith(MaskedKey(dibao) + "#", Assert.Single(civilAffairs.Discrepancies).Key);
        Assert.Empty(relocation.Discrepancies);
        Assert.Equal(employed, Assert.Single(auditor.Discrepancies).Key);
    }

    [Fact]
    public async Task ListDiscrepancies_DepartmentAsksForAnotherDepartments_FailsWithPermissionDenied()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "DEPARTMENT_NOT_PERMITTED", () =>
            app.Audit(DevelopmentKeys.HumanResources).ListDiscrepanciesAsync(
                new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Department = Department.CivilAffairs }, Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task ListDiscrepancies_FilteredByStatus_OnlyThatStatus()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var employed = await AuditData.PushEmployedStrangerAsync(app);
        var dibao = await AuditData.PushDibaoStrangerAsync(app);
        var audit = app.Audit(DevelopmentKeys.AuditorWithPersonalData);
        await audit.UpdateDiscrepancyAsync(
            new UpdateDiscrepancyRequest { Key = dibao, Action = DiscrepancyAction.Acknowledge }, Deadlines.Call);

        var open = await audit.ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Status = DiscrepancyStatus.Open }, Deadlines.Call);
        var acknowledged = await audit.ListDiscrepanciesAsync(
            new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", Status = DiscrepancyStatus.Acknowledged }, Deadlines.Call);

        Assert.Equal(employed, Assert.Single(open.Discrepancies).Key);
        Assert.Equal(dibao, Assert.Single(acknowledged.Discrepancies).Key);
    }

    [Fact]
    public async Task ListDiscrepancies_NegativePageSizeOrUndefinedRule_FailsNamingTheFields()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).ListDiscrepanciesAsync(
                new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = -5, Rule = (DiscrepancyRule)99 }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["rule", "page_size"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task ListDiscrepancies_TokenReusedWithOtherFilters_FailsWithInvalidPageToken()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);
        await AuditData.PushDibaoStrangerAsync(app);
        var audit = app.Audit(DevelopmentKeys.Auditor);
        var first = await audit.ListDiscrepanciesAsync(new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 1 }, Deadlines.Call);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN", () =>
            audit.ListDiscrepanciesAsync(
                new ListDiscrepanciesRequest { Purpose = "case 2024-017: discrepancy review", PageSize = 1, Status = DiscrepancyStatus.Open, PageToken = first.NextPageToken },
                Deadlines.Call).ResponseAsync);
    }

    private static string MaskedKey(string key) =>
        System.Text.RegularExpressions.Regex.Replace(key, "/([0-9]{6})[0-9]{11}[0-9X]/", "/$1************/");
}
