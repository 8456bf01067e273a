using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Audit;

public sealed class GetRecordHistoryTests
{
    [Fact]
    public async Task GetRecordHistory_TwoVersions_OldestFirstWithSenderBatchAndRecord()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        var relocation = app.Submissions(DevelopmentKeys.Relocation);
        await relocation.SubmitReconciledAsync("reloc-1", Records.Household());
        var moved = Records.Household();
        moved.Household.Address = "5栋1单元302";
        await relocation.SubmitReconciledAsync("reloc-2", moved);

        var response = await app.Audit(DevelopmentKeys.AuditorWithPersonalData).GetRecordHistoryAsync(
            new GetRecordHistoryRequest
            {
                Department = Department.Relocation,
                Kind = RecordKind.Household,
                SourceKey = "HH-0001",
                Purpose = AuditData.Purpose,
            },
            Deadlines.Call);

        Assert.Equal([1L, 2L], response.Versions.Select(v => v.Reference.Version));
        Assert.Equal(["reloc-1", "reloc-2"], response.Versions.Select(v => v.BatchId));
        Assert.All(response.Versions, v => Assert.Equal("relocation-dev", v.Principal));
        Assert.All(response.Versions, v => Assert.Equal(64, v.ContentDigest.Length));
        Assert.Equal(["3栋2单元501", "5栋1单元302"], response.Versions.Select(v => v.Record.Household.Address));
        Assert.Equal(Records.HeadId(), response.Versions[0].Record.Household.Members[0].CitizenId);
    }

    [Fact]
    public async Task GetRecordHistory_AuditorWithoutPersonalDataScope_RecordCitizenIdsMasked()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await app.Submissions(DevelopmentKeys.Relocation).SubmitReconciledAsync("reloc-1", Records.Household());

        var response = await app.Audit(DevelopmentKeys.Auditor).GetRecordHistoryAsync(
            new GetRecordHistoryRequest
            {
                Department = Department.Relocation,
                Kind = RecordKind.Household,
                SourceKey = "HH-0001",
                Purpose = AuditData.Purpose,
            },
            Deadlines.Call);

        var members = Assert.Single(response.Versions).Record.Household.Members;
        Assert.All(members, m => Assert.Equal("********", m.CitizenId[6..14]));
        Assert.DoesNotContain(Records.HeadId(), response.ToString());
    }

    [Fact]
    public async Task GetRecordHistory_DepartmentReadsOwnRecord_Succeeds()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);

        var response = await app.Audit(DevelopmentKeys.HumanResources).GetRecordHistoryAsync(
            new GetRecordHistoryRequest
            {
                Department = Department.HumanResources,
                Kind = RecordKind.Employment,
                SourceKey = "EMP-X",
                Purpose = AuditData.Purpose,
            },
            Deadlines.Call);

        Assert.Single(response.Versions);
    }

    [Fact]
    public async Task GetRecordHistory_DepartmentReadsAnotherDepartmentsRecord_FailsWithPermissionDenied()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);
        await AuditData.PushEmployedStrangerAsync(app);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "DEPARTMENT_NOT_PERMITTED", () =>
            app.Audit(DevelopmentKeys.CivilAffairs).GetRecordHistoryAsync(
                new GetRecordHistoryRequest
                {
                    Department = Department.HumanResources,
                    Kind = RecordKind.Employment,
                    SourceKey = "EMP-X",
                    Purpose = AuditData.Purpose,
                },
                Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task GetRecordHistory_UnknownRecord_FailsWithRecordNotFound()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "RECORD_NOT_FOUND", () =>
            app.Audit(DevelopmentKeys.Auditor).GetRecordHistoryAsync(
                new GetRecordHistoryRequest
                {
                    Department = Department.Relocation,
                    Kind = RecordKind.Household,
                    SourceKey = "HH-9999",
                    Purpose = AuditData.Purpose,
                },
                Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task GetRecordHistory_WithoutDepartmentKindKeyOrPurpose_FailsNamingEachField()
    {
        await using var app = new ExchangeApplication(clock: FixedClock.MidYear2024);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Audit(DevelopmentKeys.Auditor).GetRecordHistoryAsync(new GetRecordHistoryRequest(), Deadlines.Call).ResponseAsync);

        Assert.Equal(["department", "kind", "source_key", "purpose"], AuditData.ViolatedFields(status));
    }
}
