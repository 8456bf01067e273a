using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class GetHouseholdTests
{
    [Fact]
    public async Task GetHousehold_ReconciledHousehold_MembersHeadFirstWithSiteAndProvenance()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        var response = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = AuditData.Purpose }, Deadlines.Call);

        var household = response.Household;
        Assert.Equal("HH-0001", household.HouseholdId);
        Assert.Equal("HZ-S01", household.SiteCode);
        Assert.Equal("八步区城东安置区", household.SiteName);
        Assert.Equal("451102", household.CountyCode);
        Assert.Equal("3栋2单元501", household.Address);
        Assert.Equal(Records.Date(2019, 9, 1), household.RelocationDate);
        Assert.Equal([Records.HeadId(), Records.SpouseId()], household.Members.Select(m => m.CitizenId));
        Assert.Equal([RelationToHead.Self, RelationToHead.Spouse], household.Members.Select(m => m.RelationToHead));
        Assert.All(household.Provenance, p => Assert.Equal(Department.Relocation, p.Source));
        Assert.Contains(household.Provenance, p => p.Field == "address");
        Assert.Single(household.Members[1].Welfare);
    }

    [Fact]
    public async Task GetHousehold_AuditorWithoutPersonalDataScope_MemberIdsAndDiscrepanciesMasked()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        // Nobody employed: the household is flagged, and its explanation names the members.
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("reloc-1", Records.Site(), Records.Household());

        var response = await app.Audit(DevelopmentKeys.Auditor).GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = "HH-0001", Purpose = AuditData.Purpose }, Deadlines.Call);

        Assert.Equal(2, response.Household.Members.Count);
        Assert.All(response.Household.Members, m => Assert.Equal("********", m.CitizenId[6..14]));
        Assert.NotEmpty(response.Household.OpenDiscrepancies);
        var text = response.ToString();
        Assert.DoesNotContain(Records.HeadId(), text);
        Assert.DoesNotContain(Records.SpouseId(), text);
    }

    [Fact]
    public async Task GetHousehold_UnknownHousehold_FailsWithHouseholdNotFound()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "HOUSEHOLD_NOT_FOUND", () =>
            app.Audit(DevelopmentKeys.Auditor).GetHouseholdAsync(
                new GetHouseholdRequest { HouseholdId = "HH-9999", Purpose = AuditData.Purpose }, Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task GetHousehold_WithoutPurpose_FailsWithInvalidArgumentOnPurpose()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).GetHouseholdAsync(
                new GetHouseholdRequest { HouseholdId = "HH-0001" }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["purpose"], AuditData.ViolatedFields(status));
    }
}
