using Grpc.Core;
using Hezhou.Exchange.V1;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Submissions;

public sealed class SubmitBatchTests
{
    [Fact]
    public async Task SubmitBatch_ValidRecordsOfEachKind_AcceptedAsFirstVersions()
    {
        await using var app = new ExchangeApplication();

        var relocation = await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(
            Records.Batch("reloc-1", Records.Site(), Records.Household()), Deadlines.Call);
        var humanResources = await app.Submissions(DevelopmentKeys.HumanResources).SubmitBatchAsync(
            Records.Batch("hr-1", Records.Employment(), Records.JobVacancy()), Deadlines.Call);
        var civilAffairs = await app.Submissions(DevelopmentKeys.CivilAffairs).SubmitBatchAsync(
            Records.Batch("ca-1", Records.WelfareEntitlement(), Records.WelfarePayment()), Deadlines.Call);

        foreach (var batch in new[] { relocation.Batch, humanResources.Batch, civilAffairs.Batch })
        {
            Assert.Equal(2, batch.RecordCount);
            Assert.Equal(2, batch.AcceptedCount);
            Assert.All(batch.Results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
            Assert.All(batch.Results, r => Assert.Equal(1, r.Version));
            Assert.Equal(BatchState.Received, batch.State);
            Assert.Equal(64, batch.ContentDigest.Length);
        }
        Assert.Equal(Department.Relocation, relocation.Batch.Department);
        Assert.Equal("relocation-dev", relocation.Batch.Principal);
        Assert.Equal([RecordKind.Site, RecordKind.Household], relocation.Batch.Results.Select(r => r.Kind));
    }

    [Fact]
    public async Task SubmitBatch_AcceptedHousehold_MarksHouseholdAndMembersDirty()
    {
        await using var app = new ExchangeApplication(new Dictionary<string, string?> { ["Reconciliation:Enabled"] = "false" });

        await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(
            Records.Batch("reloc-1", Records.Household("HH-7")), Deadlines.Call);
        await app.Submissions(DevelopmentKeys.CivilAffairs).SubmitBatchAsync(
            Records.Batch("ca-1", Records.WelfareEntitlement()), Deadlines.Call);

        await using var store = app.OpenStore();
        var dirty = await store.DirtyQueue.Select(d => $"{d.SubjectKind}:{d.SubjectKey}").ToListAsync();
        Assert.Contains("Household:HH-7", dirty);
        Assert.Contains($"Person:{Records.HeadId()}", dirty);
        Assert.Equal(2, dirty.Count(d => d == $"Person:{Records.SpouseId()}"));
    }

    [Fact]
    public async Task SubmitBatch_SameBatchIdAndRecordsAgain_ReturnsFirstOutcomeAndStoresNothing()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.Relocation);
        var request = Records.Batch("reloc-1", Records.Site(), Records.Household());

        var first = await client.SubmitBatchAsync(request, Deadlines.Call);
        var replay = await client.SubmitBatchAsync(request, Deadlines.Call);

        Assert.Equal(first.Batch.WithoutState(), replay.Batch.WithoutState());
        Assert.Equal(2, replay.Batch.AcceptedCount);
        await using var store = app.OpenStore();
        Assert.Equal(2, await store.SourceVersions.CountAsync());
        Assert.Equal(1, await store.Batches.CountAsync());
    }

    [Fact]
    public async Task SubmitBatch_SameBatchIdWithOtherRecords_FailsWithBatchIdReused()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.Relocation);
        await client.SubmitBatchAsync(Records.Batch("reloc-1", Records.Site()), Deadlines.Call);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "BATCH_ID_REUSED", () =>
            client.SubmitBatchAsync(Records.Batch("reloc-1", Records.Site("HZ-S02")), Deadlines.Call).ResponseAsync);

        await using var store = app.OpenStore();
        Assert.Equal(["HZ-S01"], await store.SourceVersions.Select(v => v.SourceKey).ToListAsync());
    }

    [Fact]
    public async Task SubmitBatch_SameBatchIdFromAnotherDepartment_IsItsOwnBatch()
    {
        await using var app = new ExchangeApplication();

        await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(Records.Batch("daily-1", Records.Site()), Deadlines.Call);
        var other = await app.Submissions(DevelopmentKeys.HumanResources)
            .SubmitBatchAsync(Records.Batch("daily-1", Records.JobVacancy()), Deadlines.Call);

        Assert.Equal(1, other.Batch.AcceptedCount);
        Assert.Equal(Department.HumanResources, other.Batch.Department);
    }

    [Fact]
    public async Task SubmitBatch_SameContentInNewBatch_IsUnchangedAtCurrentVersion()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.Relocation);
        await client.SubmitBatchAsync(Records.Batch("reloc-1", Records.Household()), Deadlines.Call);

        var again = await client.SubmitBatchAsync(Records.Batch("reloc-2", Records.Household()), Deadlines.Call);

        var result = Assert.Single(again.Batch.Results);
        Assert.Equal(RecordOutcome.Unchanged, result.Outcome);
        Assert.Equal(1, result.Version);
        Assert.Equal(1, again.Batch.UnchangedCount);
        await using var store = app.OpenStore();
        Assert.Equal(1, await store.SourceVersions.CountAsync());
    }

    [Fact]
    public async Task SubmitBatch_ChangedContent_AppendsNextVersionAndKeepsTheOld()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.Relocation);
        await client.SubmitBatchAsync(Records.Batch("reloc-1", Records.Household()), Deadlines.Call);
        var moved = Records.Household();
        moved.Household.Address = "5栋1单元302";

        var second = await client.SubmitBatchAsync(Records.Batch("reloc-2", moved), Deadlines.Call);

        Assert.Equal(2, Assert.Single(second.Batch.Results).Version);
        await using var store = app.OpenStore();
        var versions = await store.SourceVersions.OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1L, 2L], versions.Select(v => v.Version));
        Assert.Equal(Records.Household(), SubmissionRecord.Parser.ParseFrom(versions[0].Payload));
        Assert.Equal(moved, SubmissionRecord.Parser.ParseFrom(versions[1].Payload));
        Assert.Equal(["reloc-1", "reloc-2"], versions.Select(v => v.BatchId));
    }

    [Fact]
    public async Task SubmitBatch_SameKeyTwiceInOneBatch_SecondIsNextVersionOrUnchanged()
    {
        await using var app = new ExchangeApplication();
        var changed = Records.Site();
        changed.Site.Dwellings = 500;

        var response = await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(
            Records.Batch("reloc-1", Records.Site(), changed, changed.Clone()), Deadlines.Call);

        Assert.Equal(
            [(RecordOutcome.Accepted, 1L), (RecordOutcome.Accepted, 2L), (RecordOutcome.Unchanged, 2L)],
            response.Batch.Results.Select(r => (r.Outcome, r.Version)));
    }

    [Fact]
    public async Task SubmitBatch_Withdrawal_StoresTombstoneThenUnchanged()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.HumanResources);
        await client.SubmitBatchAsync(Records.Batch("hr-1", Records.Employment("EMP-9")), Deadlines.Call);

        var withdrawn = await client.SubmitBatchAsync(
            Records.Batch("hr-2", Records.Withdrawal("EMP-9", RecordKind.Employment)), Deadlines.Call);
        var again = await client.SubmitBatchAsync(
            Records.Batch("hr-3", Records.Withdrawal("EMP-9", RecordKind.Employment)), Deadlines.Call);
        var resent = await client.SubmitBatchAsync(Records.Batch("hr-4", Records.Employment("EMP-9")), Deadlines.Call);

        Assert.Equal((RecordOutcome.Accepted, 2L), Single(withdrawn));
        Assert.Equal((RecordOutcome.Unchanged, 2L), Single(again));
        Assert.Equal((RecordOutcome.Accepted, 3L), Single(resent));
        await using var store = app.OpenStore();
        Assert.Equal([false, true, false], await store.SourceVersions.OrderBy(v => v.Version).Select(v => v.Withdrawn).ToListAsync());
        Assert.False((await store.SourceRecords.SingleAsync()).Withdrawn);
    }

    [Fact]
    public async Task SubmitBatch_WithdrawalOfUnknownRecord_IsRejected()
    {
        await using var app = new ExchangeApplication();

        var response = await app.Submissions(DevelopmentKeys.HumanResources).SubmitBatchAsync(
            Records.Batch("hr-1", Records.Withdrawal("EMP-404", RecordKind.Employment)), Deadlines.Call);

        var result = Assert.Single(response.Batch.Results);
        Assert.Equal(RecordOutcome.Rejected, result.Outcome);
        Assert.Equal("WITHDRAWAL_OF_UNKNOWN_RECORD", Assert.Single(result.Violations).Reason);
    }

    [Fact]
    public async Task SubmitBatch_BadRecordBetweenGoodOnes_QuarantinesItWithRawBytesAndKeepsTheOthers()
    {
        await using var app = new ExchangeApplication();
        var bad = Records.Household("HH-BAD");
        bad.Household.Members[1].CitizenId = bad.Household.Members[1].CitizenId[..17] + "0";
        if (bad.Household.Members[1].CitizenId == Records.SpouseId())
        {
            bad.Household.Members[1].CitizenId = bad.Household.Members[1].CitizenId[..17] + "1";
        }

        var response = await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(
            Records.Batch("reloc-1", Records.Site(), bad, Records.Household("HH-GOOD", seed: 5)), Deadlines.Call);

        Assert.Equal(
            [RecordOutcome.Accepted, RecordOutcome.Rejected, RecordOutcome.Accepted],
            response.Batch.Results.Select(r => r.Outcome));
        var violation = Assert.Single(response.Batch.Results[1].Violations);
        Assert.Equal("household.members[1].citizen_id", violation.Field);
        Assert.Equal("CITIZEN_ID_CHECK_CHARACTER", violation.Reason);

        await using var store = app.OpenStore();
        var quarantined = await store.Quarantine.SingleAsync();
        Assert.Equal(bad, SubmissionRecord.Parser.ParseFrom(quarantined.RawBytes));
        Assert.Equal(1, quarantined.RecordIndex);
        Assert.Equal("HH-BAD", quarantined.SourceKey);
        Assert.Equal("reloc-1", quarantined.BatchId);
        Assert.Contains("CITIZEN_ID_CHECK_CHARACTER", quarantined.Violations);
        Assert.Equal(["HH-GOOD", "HZ-S01"], await store.SourceVersions.Select(v => v.SourceKey).OrderBy(k => k).ToListAsync());
    }

    [Fact]
    public async Task SubmitBatch_NameOutsideBasicMultilingualPlane_IsKeptExactly()
    {
        await using var app = new ExchangeApplication();
        var household = Records.Household();
        household.Household.Members[0].Name = "𠮷野·盘𠀀";

        await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(Records.Batch("reloc-1", household), Deadlines.Call);

        await using var store = app.OpenStore();
        var stored = SubmissionRecord.Parser.ParseFrom((await store.SourceVersions.SingleAsync()).Payload);
        Assert.Equal("𠮷野·盘𠀀", stored.Household.Members[0].Name);
    }

    [Fact]
    public async Task SubmitBatch_OtherDepartmentsRecordKind_FailsWithPermissionDeniedAndStoresNothing()
    {
        await using var app = new ExchangeApplication();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "RECORD_KIND_NOT_PERMITTED", () =>
            app.Submissions(DevelopmentKeys.HumanResources)
                .SubmitBatchAsync(Records.Batch("hr-1", Records.Employment(), Records.Household()), Deadlines.Call)
                .ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "RECORD_KIND_NOT_PERMITTED", () =>
            app.Submissions(DevelopmentKeys.CivilAffairs)
                .SubmitBatchAsync(Records.Batch("ca-1", Records.Withdrawal("EMP-1", RecordKind.Employment)), Deadlines.Call)
                .ResponseAsync);

        await using var store = app.OpenStore();
        Assert.Equal(0, await store.SourceVersions.CountAsync());
        Assert.Equal(0, await store.Batches.CountAsync());
    }

    [Fact]
    public async Task SubmitBatch_AuditorKey_FailsWithRoleNotPermitted()
    {
        await using var app = new ExchangeApplication();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED", () =>
            app.Submissions(DevelopmentKeys.Auditor).SubmitBatchAsync(Records.Batch("a-1", Records.Site()), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task SubmitBatch_NoKey_FailsWithCredentialMissing()
    {
        await using var app = new ExchangeApplication();

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_MISSING", () =>
            app.Submissions(apiKey: null).SubmitBatchAsync(Records.Batch("x-1", Records.Site()), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task SubmitBatch_UnknownKey_FailsWithCredentialInvalid()
    {
        await using var app = new ExchangeApplication();

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_INVALID", () =>
            app.Submissions("not-a-key").SubmitBatchAsync(Records.Batch("x-1", Records.Site()), Deadlines.Call).ResponseAsync);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task SubmitBatch_MalformedBatchId_FailsWithFieldViolation(string batchId)
    {
        await using var app = new ExchangeApplication();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(Records.Batch(batchId, Records.Site()), Deadlines.Call).ResponseAsync);

        Assert.Equal("batch_id", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task SubmitBatch_NoRecords_FailsWithFieldViolation()
    {
        await using var app = new ExchangeApplication();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () =>
            app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(Records.Batch("empty-1"), Deadlines.Call).ResponseAsync);

        Assert.Equal("records", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task SubmitBatch_MoreRecordsThanTheLimit_FailsWithBatchTooLargeNamingTheLimit()
    {
        await using var app = new ExchangeApplication();
        var records = Enumerable.Range(0, 5_001).Select(i => Records.Site($"S-{i}")).ToArray();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "BATCH_TOO_LARGE", () =>
            app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(Records.Batch("big-1", records), Deadlines.Call).ResponseAsync);

        Assert.Contains("5,000", status.Message);
        Assert.Equal("5000", status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["limit"]);
    }

    [Fact]
    public async Task SubmitBatch_MessageAboveSizeLimit_FailsWithMessageTooLargeNamingTheLimit()
    {
        await using var app = new ExchangeApplication(new Dictionary<string, string?> { ["Limits:MaxMessageBytes"] = "65536" });
        var site = Records.Site();
        site.Site.Name = new string('站', 40_000);

        var status = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "MESSAGE_TOO_LARGE", () =>
            app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(Records.Batch("huge-1", site), Deadlines.Call).ResponseAsync);

        Assert.Contains("65,536 bytes", status.Message);
        Assert.Equal("65536", status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["limit"]);
        await using var store = app.OpenStore();
        Assert.Equal(0, await store.Quarantine.CountAsync());
    }

    [Fact]
    public async Task SubmitBatch_ConcurrentReplays_AllGetTheSameOutcome()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.Relocation);
        var request = Records.Batch("race-1", Records.Site(), Records.Household());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SubmitBatchAsync(request, Deadlines.Call).ResponseAsync));

        // All report the first outcome; only the state may have moved on while the reconciler ran.
        Assert.All(responses, r => Assert.Equal(responses[0].Batch.WithoutState(), r.Batch.WithoutState()));
        await using var store = app.OpenStore();
        Assert.Equal(2, await store.SourceVersions.CountAsync());
    }

    [Fact]
    public async Task GetBatch_KnownBatch_ReturnsFirstAcknowledgement()
    {
        await using var app = new ExchangeApplication();
        var client = app.Submissions(DevelopmentKeys.Relocation);
        var submitted = await client.SubmitBatchAsync(Records.Batch("reloc-1", Records.Site()), Deadlines.Call);

        var fetched = await client.GetBatchAsync(new GetBatchRequest { BatchId = "reloc-1" }, Deadlines.Call);

        Assert.Equal(submitted.Batch.WithoutState(), fetched.Batch.WithoutState());
    }

    [Fact]
    public async Task GetBatch_OtherDepartmentsBatch_FailsWithNotFound()
    {
        await using var app = new ExchangeApplication();
        await app.Submissions(DevelopmentKeys.Relocation).SubmitBatchAsync(Records.Batch("reloc-1", Records.Site()), Deadlines.Call);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "BATCH_NOT_FOUND", () =>
            app.Submissions(DevelopmentKeys.CivilAffairs).GetBatchAsync(new GetBatchRequest { BatchId = "reloc-1" }, Deadlines.Call).ResponseAsync);
    }

    private static (RecordOutcome, long) Single(SubmitBatchResponse response)
    {
        var result = Assert.Single(response.Batch.Results);
        return (result.Outcome, result.Version);
    }
}
