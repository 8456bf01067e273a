using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Security;

/// <summary>
/// How the real server starts, as a process: in which environment, and that it refuses a configuration that would
/// let the wrong caller in, naming the entry, with exit code 78 and one line on standard error.
/// </summary>
public sealed class StartupConfigurationTests
{
    private const string ProductionEnvironment = "Production";

    private static readonly string OwnKeyHash = Sha256("a key of this test only");
    private static readonly string OtherKeyHash = Sha256("another key of this test only");

    [Fact]
    public async Task Start_DevelopmentKeyInProduction_RefusesToStartNamingTheEntry()
    {
        var refusal = await RefusedAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = ProductionEnvironment,
            ["Auth:ApiKeys:0:Name"] = "auditor",
            ["Auth:ApiKeys:0:Role"] = "Auditor",
            ["Auth:ApiKeys:0:KeySha256"] = Sha256(DevelopmentKeys.Auditor),
        });

        Assert.Contains("Auth:ApiKeys:0 (name 'auditor'): KeySha256 is one of the development keys", refusal.Message);
        Assert.Contains("(this is Production)", refusal.Message);
    }

    [Fact]
    public async Task Start_DevelopmentKeysFileInStaging_RefusesToStart()
    {
        // Any environment but Development: here the development file itself is loaded, as by a copied deployment.
        var refusal = await RefusedAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Auth:ApiKeys:0:Name"] = "relocation-dev",
            ["Auth:ApiKeys:0:Role"] = "Department",
            ["Auth:ApiKeys:0:Department"] = "Relocation",
            ["Auth:ApiKeys:0:KeySha256"] = Sha256(DevelopmentKeys.Relocation).ToUpperInvariant(),
        });

        Assert.Contains("development keys", refusal.Message);
        Assert.Contains("(this is Staging)", refusal.Message);
    }

    [Fact]
    public async Task DotnetRun_ProductionNamedByCaller_RunsInProduction()
    {
        // `dotnet run` itself, with the launch profile, over what the test run built: the profile must not override
        // the caller's environment. Production shows as the refusal of a development key.
        var database = TestPaths.NewDatabasePath();
        try
        {
            var run = await ChildProcess.RunAsync(
                "dotnet",
                ["run", "--no-build", "-c", BuildConfiguration, "--project", Path.Combine("src", "Hezhou.Exchange.Server"),
                 "--", "--urls", "http://127.0.0.1:0"],
                TimeSpan.FromMinutes(1),
                environment: new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = ProductionEnvironment,
                    ["ConnectionStrings__Exchange"] = $"Data Source={database}",
                    ["Auth__ApiKeys__0__Name"] = "auditor",
                    ["Auth__ApiKeys__0__Role"] = "Auditor",
                    ["Auth__ApiKeys__0__KeySha256"] = Sha256(DevelopmentKeys.Auditor),
                });

            Assert.True(run.ExitCode == ServerConfigurationException.ExitCode, run.ToString());
            Assert.Contains("(this is Production)", run.StandardError);
        }
        finally
        {
            TestPaths.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task Start_LaunchProfileAndNoEnvironmentNamed_RunsInDevelopmentWithItsKeys()
    {
        // What `dotnet run` does without ASPNETCORE_ENVIRONMENT: the profile's variable, and no environment named.
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "",
            [ServerDefaults.LaunchEnvironmentVariable] = "Development",
        });
        using var channel = server.Channel(DevelopmentKeys.Auditor);

        var households = await new AuditService.AuditServiceClient(channel).ListHouseholdsAsync(new ListHouseholdsRequest(), Deadlines.Call);

        Assert.Empty(households.Households);
        Assert.DoesNotContain("No principals are configured", server.Output);
    }

    [Fact]
    public async Task Start_LaunchProfileAndProductionNamed_RunsInProduction()
    {
        var refusal = await RefusedAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = ProductionEnvironment,
            [ServerDefaults.LaunchEnvironmentVariable] = "Development",
            ["Auth:ApiKeys:0:Name"] = "auditor",
            ["Auth:ApiKeys:0:Role"] = "Auditor",
            ["Auth:ApiKeys:0:KeySha256"] = Sha256(DevelopmentKeys.Auditor),
        });

        Assert.Contains("(this is Production)", refusal.Message);
    }

    [Fact]
    public void LaunchSettings_EveryProfile_NamesNoEnvironmentThatWouldOverrideTheCallers()
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "Hezhou.Exchange.Server", "Properties", "launchSettings.json");
        var profiles = JsonNode.Parse(File.ReadAllText(path))!["profiles"]!.AsObject();

        Assert.NotEmpty(profiles);
        foreach (var (name, profile) in profiles)
        {
            var variables = profile!["environmentVariables"]?.AsObject().Select(v => v.Key).ToList() ?? [];
            Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", variables);
            Assert.DoesNotContain("DOTNET_ENVIRONMENT", variables);
            Assert.True(profile["commandLineArgs"]?.GetValue<string>() is not { } arguments
                || !arguments.Contains("--environment", StringComparison.OrdinalIgnoreCase), name);
        }
        Assert.Equal("Development", profiles.First().Value!["environmentVariables"]![ServerDefaults.LaunchEnvironmentVariable]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, null, null, "Development", "Development")]
    [InlineData("Production", null, null, "Development", null)]
    [InlineData(null, "Production", null, "Development", null)]
    [InlineData(null, null, "Production", "Development", null)]
    [InlineData("", "", null, "Development", "Development")]
    [InlineData(null, null, null, null, null)]
    public void LaunchEnvironment_WhatTheCallerNamed_OnlyWhenNothingIsNamed(
        string? aspnetCore, string? dotnet, string? commandLine, string? launch, string? expected)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = aspnetCore,
            ["DOTNET_ENVIRONMENT"] = dotnet,
            [ServerDefaults.LaunchEnvironmentVariable] = launch,
        };
        string[] args = commandLine is null ? [] : ["--environment", commandLine];

        Assert.Equal(expected, ServerDefaults.LaunchEnvironment(args, name => variables.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task Start_NoPrincipals_WarnsThatEveryCallIsRefusedAsUnauthenticated()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = ProductionEnvironment,
        });
        using var channel = server.Channel(DevelopmentKeys.Auditor);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "CREDENTIAL_INVALID", () =>
            new AuditService.AuditServiceClient(channel).ListHouseholdsAsync(new ListHouseholdsRequest(), Deadlines.Call).ResponseAsync);
        Assert.Contains("No principals are configured", server.Output);
        Assert.Contains("UNAUTHENTICATED", server.Output);
        Assert.Contains("Auth:ApiKeys", server.Output);
    }

    public static TheoryData<string, string[], string> InvalidConfigurations => new()
    {
        {
            "department principal without a department",
            ["Auth:ApiKeys:0:Name=hr", "Auth:ApiKeys:0:Role=Department", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}"],
            "Auth:ApiKeys:0 (name 'hr'): a Department principal needs a Department"
        },
        {
            "unknown department",
            ["Auth:ApiKeys:0:Name=hr", "Auth:ApiKeys:0:Role=Department", "Auth:ApiKeys:0:Department=Treasury", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}"],
            "Auth:ApiKeys:0 (name 'hr'): Department 'Treasury' is not one of Relocation, HumanResources, CivilAffairs"
        },
        {
            "unknown role",
            ["Auth:ApiKeys:0:Name=boss", "Auth:ApiKeys:0:Role=Superuser", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}"],
            "Auth:ApiKeys:0 (name 'boss'): Role 'Superuser' is not one of Department, Auditor, Administrator"
        },
        {
            "role number that is no role",
            ["Auth:ApiKeys:0:Name=boss", "Auth:ApiKeys:0:Role=9", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}"],
            "Auth:ApiKeys:0 (name 'boss'): Role '9' is not one of"
        },
        {
            "unknown scope",
            ["Auth:ApiKeys:0:Name=auditor", "Auth:ApiKeys:0:Role=Auditor", "Auth:ApiKeys:0:Scopes:0=personal_data", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}"],
            "Auth:ApiKeys:0 (name 'auditor'): scope 'personal_data' is not known"
        },
        {
            "plain key instead of its hash",
            ["Auth:ApiKeys:0:Name=auditor", "Auth:ApiKeys:0:Role=Auditor", "Auth:ApiKeys:0:KeySha256=the-plain-key"],
            "Auth:ApiKeys:0 (name 'auditor'): KeySha256 must be the SHA-256 of the key as 64 hexadecimal digits"
        },
        {
            "no name",
            ["Auth:ApiKeys:0:Role=Auditor", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}"],
            "Auth:ApiKeys:0: a principal needs a Name"
        },
        {
            "one key hash for two principals",
            [
                "Auth:ApiKeys:0:Name=first", "Auth:ApiKeys:0:Role=Auditor", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}",
                "Auth:ApiKeys:1:Name=second", "Auth:ApiKeys:1:Role=Administrator", $"Auth:ApiKeys:1:KeySha256={OwnKeyHash.ToUpperInvariant()}",
            ],
            "Auth:ApiKeys:1 (name 'second'): Auth:ApiKeys:0 (name 'first') has the same KeySha256"
        },
        {
            "one certificate subject for two principals",
            [
                "Auth:Certificates:Principals:0:Name=first", "Auth:Certificates:Principals:0:Role=Auditor",
                "Auth:Certificates:Principals:0:Subject=CN=auditor, O=Hezhou",
                "Auth:Certificates:Principals:1:Name=second", "Auth:Certificates:Principals:1:Role=Administrator",
                "Auth:Certificates:Principals:1:Subject=CN=auditor,O=Hezhou",
            ],
            "Auth:Certificates:Principals:1 (name 'second'): Auth:Certificates:Principals:0 (name 'first') has the same subject"
        },
        {
            "certificate principal with an unknown role",
            ["Auth:Certificates:Principals:0:Name=hr", "Auth:Certificates:Principals:0:Role=Clerk", "Auth:Certificates:Principals:0:Subject=CN=hr"],
            "Auth:Certificates:Principals:0 (name 'hr'): Role 'Clerk' is not one of"
        },
        {
            "certificate principals without the CA that issues their certificates",
            ["Auth:Certificates:Principals:0:Name=auditor", "Auth:Certificates:Principals:0:Role=Auditor", "Auth:Certificates:Principals:0:San=auditor.example"],
            "Auth:Certificates:Principals are configured but Auth:Certificates:TrustedCaFile is not"
        },
        {
            "one name for two different principals",
            [
                "Auth:ApiKeys:0:Name=shared", "Auth:ApiKeys:0:Role=Auditor", $"Auth:ApiKeys:0:KeySha256={OwnKeyHash}",
                "Auth:ApiKeys:1:Name=shared", "Auth:ApiKeys:1:Role=Administrator", $"Auth:ApiKeys:1:KeySha256={OtherKeyHash}",
            ],
            "Auth:ApiKeys:1 (name 'shared'): Auth:ApiKeys:0 (name 'shared') has the same Name with another Role"
        },
        {
            "page token key too short to sign with",
            ["PageTokens:Key=short"],
            "PageTokens:Key: at least 32 characters"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public async Task Start_InvalidConfiguration_RefusesToStartNamingTheEntry(string configuration, string[] settings, string expected)
    {
        var environment = settings.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => s[1]);
        environment["ASPNETCORE_ENVIRONMENT"] = ProductionEnvironment;

        var refusal = await RefusedAsync(environment);

        Assert.True(refusal.Message.Contains(expected, StringComparison.Ordinal), $"{configuration}: {refusal.Message}");
    }

    [Fact]
    public async Task Start_TwoKeysForOnePrincipal_Starts()
    {
        // Rotating a key: the old and the new one name the same principal for a while.
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = ProductionEnvironment,
            ["Auth:ApiKeys:0:Name"] = "auditor",
            ["Auth:ApiKeys:0:Role"] = "Auditor",
            ["Auth:ApiKeys:0:KeySha256"] = OwnKeyHash,
            ["Auth:ApiKeys:1:Name"] = "auditor",
            ["Auth:ApiKeys:1:Role"] = "auditor",
            ["Auth:ApiKeys:1:KeySha256"] = OtherKeyHash,
        });
        using var channel = server.Channel("another key of this test only");

        await new AuditService.AuditServiceClient(channel).ListHouseholdsAsync(new ListHouseholdsRequest(), Deadlines.Call);

        Assert.DoesNotContain("No principals are configured", server.Output);
    }

    [Fact]
    public void DevelopmentKeyHashes_TheKeysOfAppsettingsDevelopmentAndReadme_AllRefused()
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "Hezhou.Exchange.Server", "appsettings.Development.json");
        var configured = JsonNode.Parse(File.ReadAllText(path))!["Auth"]!["ApiKeys"]!.AsArray()
            .Select(key => key!["KeySha256"]!.GetValue<string>());
        string[] published =
        [
            DevelopmentKeys.Relocation, DevelopmentKeys.HumanResources, DevelopmentKeys.CivilAffairs,
            DevelopmentKeys.Auditor, DevelopmentKeys.AuditorWithPersonalData, DevelopmentKeys.Administrator,
        ];

        Assert.Equal(
            configured.Order(StringComparer.Ordinal),
            AuthConfiguration.DevelopmentKeyHashes.Order(StringComparer.Ordinal));
        Assert.All(published, key => Assert.Contains(Sha256(key), AuthConfiguration.DevelopmentKeyHashes));
    }

    private static async Task<ServerDidNotStartException> RefusedAsync(IReadOnlyDictionary<string, string> settings)
    {
        var refusal = await Assert.ThrowsAsync<ServerDidNotStartException>(() => ServerProcess.StartAsync(settings: settings));
        Assert.True(refusal.ExitCode == ServerConfigurationException.ExitCode, refusal.Message);
        Assert.Contains("Hezhou.Exchange.Server refused to start: ", refusal.Message);
        // One line, not a stack trace.
        Assert.DoesNotContain("   at ", refusal.Message);
        return refusal;
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Debug or Release, as this test assembly (and so the server beside the sources) was built.</summary>
    private static string BuildConfiguration =>
        typeof(StartupConfigurationTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
