using Grpc.Core;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Security;

/// <summary>Mutual TLS against the real server: which client certificates authenticate, as whom, and which do not.</summary>
public sealed class ClientCertificateTests
{
    [Theory]
    [InlineData("subject")]
    [InlineData("uri-san")]
    public async Task SubmitBatch_DepartmentCertificate_StoresRecordsForItsDepartment(string namedBy)
    {
        await using var server = await MutualTlsServer.StartAsync();
        var (certificate, record, department, principal) = namedBy == "subject"
            ? (server.Authority.IssueClient(MutualTlsServer.HumanResourcesSubject), Records.Employment(),
                Department.HumanResources, "hr-system")
            : (server.Authority.IssueClient("CN=civil-affairs-system, O=Hezhou Civil Affairs", uri: MutualTlsServer.CivilAffairsUri),
                Records.WelfareEntitlement(), Department.CivilAffairs, "civil-affairs-system");
        using var _ = certificate;
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(certificate));

        var response = await client.SubmitBatchAsync(Records.Batch("tls-0001", record), Deadlines.Call);

        Assert.Equal(1, response.Batch.AcceptedCount);
        Assert.Equal(department, response.Batch.Department);
        Assert.Equal(principal, response.Batch.Principal);
    }

    [Fact]
    public async Task Call_AuditorCertificate_ReadsStatisticsButMayNotSubmit()
    {
        await using var server = await MutualTlsServer.StartAsync();
        using var certificate = server.Authority.IssueClient("CN=audit-office, O=Hezhou Audit", dnsName: MutualTlsServer.AuditorDnsName);
        var channel = server.Channel(certificate);

        var statistics = await new AuditService.AuditServiceClient(channel)
            .GetStatisticsAsync(new GetStatisticsRequest(), Deadlines.Call);

        Assert.Equal(0, statistics.RelocatedPersons);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED", () =>
            new SubmissionService.SubmissionServiceClient(channel)
                .SubmitBatchAsync(Records.Batch("tls-0002", Records.Site()), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task Call_CertificateOfAnotherCa_Unauthenticated()
    {
        await using var server = await MutualTlsServer.StartAsync();
        using var otherAuthority = new TestCertificateAuthority("Some Other CA");
        using var certificate = otherAuthority.IssueClient(MutualTlsServer.HumanResourcesSubject);
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(certificate));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_INVALID", () =>
            client.SubmitBatchAsync(Records.Batch("tls-0003", Records.Employment()), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task Call_CertificateNamingNoConfiguredPrincipal_Unauthenticated()
    {
        await using var server = await MutualTlsServer.StartAsync();
        using var certificate = server.Authority.IssueClient(
            "CN=hr-system, O=Hezhou Housing", dnsName: "hr.exchange.hezhou.gov.cn");
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(certificate));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_INVALID", () =>
            client.SubmitBatchAsync(Records.Batch("tls-0004", Records.Employment()), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task Call_ExpiredCertificate_Unauthenticated()
    {
        await using var server = await MutualTlsServer.StartAsync();
        using var certificate = server.Authority.IssueClient(
            MutualTlsServer.HumanResourcesSubject,
            notBefore: DateTimeOffset.UtcNow.AddDays(-20), notAfter: DateTimeOffset.UtcNow.AddDays(-10));
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(certificate));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_INVALID", () =>
            client.SubmitBatchAsync(Records.Batch("tls-0005", Records.Employment()), Deadlines.Call).ResponseAsync);
    }

    [Fact]
    public async Task SubmitBatch_ApiKeyOverTlsWithoutCertificate_Stores()
    {
        await using var server = await MutualTlsServer.StartAsync();
        var client = new SubmissionService.SubmissionServiceClient(server.Channel(null, DevelopmentKeys.Relocation));

        var response = await client.SubmitBatchAsync(Records.Batch("tls-0006", Records.Site()), Deadlines.Call);

        Assert.Equal(1, response.Batch.AcceptedCount);
        Assert.Equal("relocation-dev", response.Batch.Principal);
    }

    [Fact]
    public async Task Call_NoCertificateWhereRequired_Refused()
    {
        await using var server = await MutualTlsServer.StartAsync(certificateRequired: true);
        using var certificate = server.Authority.IssueClient(MutualTlsServer.HumanResourcesSubject);

        var withCertificate = await new SubmissionService.SubmissionServiceClient(server.Channel(certificate))
            .SubmitBatchAsync(Records.Batch("tls-0007", Records.Employment()), Deadlines.Call);
        var withKeyOnly = await Assert.ThrowsAsync<RpcException>(() =>
            new SubmissionService.SubmissionServiceClient(server.Channel(null, DevelopmentKeys.HumanResources))
                .SubmitBatchAsync(Records.Batch("tls-0008", Records.Employment()), Deadlines.Call).ResponseAsync);

        Assert.Equal(1, withCertificate.Batch.AcceptedCount);
        // The server drops the handshake; the client reports the lost connection as UNAVAILABLE, or as INTERNAL when
        // the drop reaches it after its first HTTP/2 frame was written (seen on a loaded machine).
        Assert.Contains(withKeyOnly.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
    }
}
