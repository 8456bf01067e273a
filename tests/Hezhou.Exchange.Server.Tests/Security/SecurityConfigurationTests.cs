using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Security;

namespace Hezhou.Exchange.Server.Tests.Security;

/// <summary>A security configuration that cannot work stops the server at start, naming the setting.</summary>
public sealed class SecurityConfigurationTests
{
    [Fact]
    public void Validate_DistinctPrincipals_Passes()
    {
        ClientCertificateAuthentication.Validate(
        [
            new CertificatePrincipal { Name = "hr-system", Role = ExchangeRole.Department, Department = Department.HumanResources, Subject = "CN=hr-system, O=Hezhou HR" },
            new CertificatePrincipal { Name = "auditor-system", Role = ExchangeRole.Auditor, San = "auditor.exchange.hezhou.gov.cn" },
        ]);
    }

    [Theory]
    [InlineData("CN=hr-system, O=Hezhou HR", "hr.exchange.hezhou.gov.cn")]
    [InlineData(null, null)]
    public void Validate_NeitherOrBothOfSubjectAndSan_Throws(string? subject, string? san)
    {
        var exception = Assert.Throws<ServerConfigurationException>(() => ClientCertificateAuthentication.Validate(
            [new CertificatePrincipal { Name = "hr-system", Role = ExchangeRole.Auditor, Subject = subject, San = san }]));

        Assert.Contains("Auth:Certificates:Principals:0", exception.Message);
    }

    [Fact]
    public void Validate_SameSubjectSpelledTwoWays_Throws()
    {
        var exception = Assert.Throws<ServerConfigurationException>(() => ClientCertificateAuthentication.Validate(
        [
            new CertificatePrincipal { Name = "hr-system", Role = ExchangeRole.Department, Department = Department.HumanResources, Subject = "CN=hr-system, O=Hezhou HR" },
            new CertificatePrincipal { Name = "hr-copy", Role = ExchangeRole.Auditor, Subject = "CN=hr-system,O=Hezhou HR" },
        ]));

        Assert.Contains("Auth:Certificates:Principals:1", exception.Message);
    }

    [Fact]
    public void Validate_DepartmentPrincipalWithoutDepartment_Throws()
    {
        var exception = Assert.Throws<ServerConfigurationException>(() => ClientCertificateAuthentication.Validate(
            [new CertificatePrincipal { Name = "hr-system", Role = ExchangeRole.Department, Subject = "CN=hr-system" }]));

        Assert.Contains("Auth:Certificates:Principals:0 (name 'hr-system'): a Department principal needs a Department", exception.Message);
    }

    [Fact]
    public void Validate_SubjectNotADistinguishedName_Throws()
    {
        Assert.Throws<ServerConfigurationException>(() => ClientCertificateAuthentication.Validate(
            [new CertificatePrincipal { Name = "hr-system", Role = ExchangeRole.Auditor, Subject = "hr-system" }]));
    }

    [Fact]
    public void Validate_NoRole_Throws()
    {
        Assert.Throws<ServerConfigurationException>(() => ClientCertificateAuthentication.Validate(
            [new CertificatePrincipal { Name = "hr-system", Subject = "CN=hr-system" }]));
    }

    [Fact]
    public void LoadTrustedCas_FileWithoutCertificate_Throws()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a certificate");

            var exception = Assert.Throws<ServerConfigurationException>(() => ClientCertificateAuthentication.LoadTrustedCas(path));

            Assert.Contains("Auth:Certificates:TrustedCaFile", exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadTrustedCas_PemOfTheCa_LoadsIt()
    {
        using var authority = new TestCertificateAuthority("Hezhou Exchange Test CA");
        var folder = Directory.CreateTempSubdirectory("hezhou-exchange-tls-").FullName;
        try
        {
            var cas = ClientCertificateAuthentication.LoadTrustedCas(authority.WriteCertificatePem(folder));

            Assert.Equal(authority.Certificate.Thumbprint, Assert.Single(cas).Thumbprint);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(50, 20)]
    public void ValidateRateLimits_ImpossibleBucket_Throws(double permitsPerSecond, int burst)
    {
        Assert.Throws<ServerConfigurationException>(() =>
            PrincipalRateLimits.Validate(new RateLimitOptions { PermitsPerSecond = permitsPerSecond, Burst = burst }));
    }

    [Theory]
    [InlineData("Auth:Certificates:Principals:0:Subject", "CN=hr-system")]
    [InlineData("RateLimits:Burst", "0")]
    [InlineData("Auth:ApiKeys:0:Role", "Superuser")]
    [InlineData("Auth:ApiKeys:3:Scopes:0", "personal_data")]
    public void Start_ImpossibleSecuritySetting_RefusesToStart(string key, string value)
    {
        using var app = new ExchangeApplication(new Dictionary<string, string?> { [key] = value });

        Assert.ThrowsAny<InvalidOperationException>(() => app.Server);
    }
}
