using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class GetPersonTests
{
    [Fact]
    public async Task GetPerson_RecordsOfThreeDepartments_OnePersonWithProvenanceEmploymentAndWelfare()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        var response = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).GetPersonAsync(
            new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);

        var person = response.Person;
        Assert.Equal(AuditData.Spouse, person.CitizenId);
        Assert.Equal("赵秀英", person.Name);
        Assert.Equal(Gender.Female, person.Gender);
        Assert.Equal(Records.Date(1982, 11, 3), person.BirthDate);
        Assert.Equal(RelationToHead.Spouse, person.RelationToHead);
        Assert.Equal(LabourCapacity.Normal, person.LabourCapacity);
        Assert.Equal("HH-0001", person.HouseholdId);
        Assert.Equal("HZ-S01", person.SiteCode);
        var name = Assert.Single(person.Provenance, p => p.Field == "name");
        Assert.Equal(Department.Relocation, name.Source);
        Assert.Equal(
            [Department.Relocation, Department.HumanResources, Department.CivilAffairs],
            name.Values.Select(v => v.Department).Distinct().Order());
        Assert.All(name.Values, v => Assert.Equal("赵秀英", v.Value));

        var employment = Assert.Single(person.Employments);
        Assert.Equal(Department.HumanResources, employment.Source.Department);
        Assert.Equal(RecordKind.Employment, employment.Source.Kind);
        Assert.Equal("EMP-0001", employment.Source.SourceKey);
        Assert.Equal(1, employment.Source.Version);
        Assert.Equal("贺州市八步区帮扶车间", employment.Employment.EmployerName);
        Assert.Equal(AuditData.Spouse, employment.Employment.Person.CitizenId);
        Assert.True(employment.Stable);

        var welfare = Assert.Single(person.Welfare);
        Assert.Equal("ENT-0001", welfare.Source.SourceKey);
        Assert.Equal(WelfareProgramme.UrbanDibao, welfare.Entitlement.Programme);
        Assert.Equal(1, welfare.PaymentCount);
        Assert.Equal(Records.Yuan(480, 50), welfare.PaidTotal);
    }

    [Fact]
    public async Task GetPerson_AsOfDateBeforeEmploymentStarted_EmploymentNotStable()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        var response = await app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
            new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose, AsOfDate = Records.Date(2022, 2, 28) },
            Deadlines.Call);

        Assert.False(Assert.Single(response.Person.Employments).Stable);
    }

    [Fact]
    public async Task GetPerson_AuditorWithoutPersonalDataScope_EveryCitizenIdMasked()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);
        var masked = AuditData.Spouse[..6] + new string('*', 12);

        var response = await app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
            new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = AuditData.Purpose }, Deadlines.Call);

        Assert.Equal(masked, response.Person.CitizenId);
        Assert.Equal(masked, Assert.Single(response.Person.Employments).Employment.Person.CitizenId);
        Assert.Equal(masked, Assert.Single(response.Person.Welfare).Entitlement.Person.CitizenId);
        Assert.DoesNotContain(AuditData.Spouse, response.ToString());
    }

    [Fact]
    public async Task GetPerson_WithoutPurpose_FailsWithInvalidArgumentOnPurpose()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
                new GetPersonRequest { CitizenId = AuditData.Spouse }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["purpose"], AuditData.ViolatedFields(status));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(201)]
    public async Task GetPerson_PurposeOutsideFourToTwoHundredCharacters_FailsWithInvalidArgumentOnPurpose(int length)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
                new GetPersonRequest { CitizenId = AuditData.Spouse, Purpose = new string('查', length) },
                Deadlines.Call).ResponseAsync);

        Assert.Equal(["purpose"], AuditData.ViolatedFields(status));
    }

    public static TheoryData<string> MalformedCitizenIds => new()
    {
        "",
        AuditData.Spouse[..17],
        AuditData.Spouse[..17] + "x",
        AuditData.Spouse[..17] + (AuditData.Spouse[17] == '0' ? '1' : '0'),
        Records.CitizenId(2030, 1, 1, 1),
    };

    [Theory]
    [MemberData(nameof(MalformedCitizenIds))]
    public async Task GetPerson_MalformedCitizenId_FailsWithInvalidArgumentOnCitizenId(string citizenId)
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
                new GetPersonRequest { CitizenId = citizenId, Purpose = AuditData.Purpose }, Deadlines.Call).ResponseAsync);

        Assert.Equal(["citizen_id"], AuditData.ViolatedFields(status));
    }

    [Fact]
    public async Task GetPerson_UnknownCitizenId_FailsWithPersonNotFound()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushPersonOfThreeDepartmentsAsync(app);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "PERSON_NOT_FOUND", () =>
            app.Audit(DevelopmentKeys.Auditor).GetPersonAsync(
                new GetPersonRequest { CitizenId = Records.CitizenId(1970, 1, 1, 99), Purpose = AuditData.Purpose },
                Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task GetPerson_PersonNoHouseholdHolds_ReturnedWithOpenUnknownPersonDiscrepancy()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var key = await AuditData.PushEmployedStrangerAsync(app);

        var response = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).GetPersonAsync(
            new GetPersonRequest { CitizenId = AuditData.EmployedStranger, Purpose = AuditData.Purpose }, Deadlines.Call);

        Assert.Equal("", response.Person.HouseholdId);
        var discrepancy = Assert.Single(response.Person.OpenDiscrepancies);
        Assert.Equal(key, discrepancy.Key);
        Assert.Equal(DiscrepancyRule.UnknownPerson, discrepancy.Rule);
        Assert.Equal([Department.HumanResources], discrepancy.Departments);
        Assert.NotEmpty(discrepancy.History);
    }
}
