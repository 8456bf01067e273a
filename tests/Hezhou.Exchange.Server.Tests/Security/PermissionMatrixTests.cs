using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Hezhou.Exchange.Server.Tests.Infrastructure;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Security;

/// <summary>
/// Every RPC the server exposes, called by every kind of caller through real gRPC, against one table of what each
/// must get. The methods come from the server itself (gRPC reflection) and from every service of the contracts, so a
/// new RPC without a row fails here before it ships.
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class PermissionMatrixTests(RealServer server)
{
    // The callers, in the order of the table's columns.
    private static readonly (string Name, string? Key)[] Callers =
    [
        ("relocation", DevelopmentKeys.Relocation),
        ("human-resources", DevelopmentKeys.HumanResources),
        ("civil-affairs", DevelopmentKeys.CivilAffairs),
        ("auditor", DevelopmentKeys.Auditor),
        ("auditor-personal-data", DevelopmentKeys.AuditorWithPersonalData),
        ("administrator", DevelopmentKeys.Administrator),
        ("anonymous", null),
        ("unknown-key", "a-key-this-server-never-issued"),
    ];

    /// <summary>
    /// A: allowed, the call gets past authorization (a minimal request may still be INVALID_ARGUMENT or NOT_FOUND, but
    /// never UNAUTHENTICATED or PERMISSION_DENIED). D: PERMISSION_DENIED, ROLE_NOT_PERMITTED. U: UNAUTHENTICATED,
    /// CREDENTIAL_MISSING without a key and CREDENTIAL_INVALID with an unknown one.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Matrix = new (string Cells, string Method)[]
    {
        // relocation, human resources, civil affairs, auditor, auditor with personal data, administrator, anonymous,
        // unknown key
        ("A     A    A      D    D      D      U     U", "/hezhou.exchange.v1.SubmissionService/SubmitBatch"),
        ("A     A    A      D    D      D      U     U", "/hezhou.exchange.v1.SubmissionService/StreamRecords"),
        ("A     A    A      D    D      D      U     U", "/hezhou.exchange.v1.SubmissionService/GetBatch"),
        ("D     D    D      A    A      A      U     U", "/hezhou.exchange.v1.AuditService/GetPerson"),
        ("D     D    D      A    A      A      U     U", "/hezhou.exchange.v1.AuditService/GetHousehold"),
        ("D     D    D      A    A      A      U     U", "/hezhou.exchange.v1.AuditService/ListHouseholds"),
        ("A     A    A      A    A      A      U     U", "/hezhou.exchange.v1.AuditService/ListDiscrepancies"),
        ("D     D    D      A    A      D      U     U", "/hezhou.exchange.v1.AuditService/UpdateDiscrepancy"),
        ("A     A    A      D    D      D      U     U", "/hezhou.exchange.v1.AuditService/AnswerDiscrepancy"),
        ("D     D    D      A    A      A      U     U", "/hezhou.exchange.v1.AuditService/GetStatistics"),
        ("A     A    A      A    A      A      U     U", "/hezhou.exchange.v1.AuditService/GetRecordHistory"),
        ("D     D    D      D    D      A      U     U", "/hezhou.exchange.v1.AuditService/ListAccessLog"),
        ("D     D    D      D    D      A      U     U", "/hezhou.exchange.v1.LedgerService/VerifyLedger"),
        ("A     A    A      A    A      A      A     A", "/grpc.health.v1.Health/Check"),
        ("A     A    A      A    A      A      A     A", "/grpc.health.v1.Health/Watch"),
        ("A     A    A      A    A      A      A     A", "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"),
        ("A     A    A      A    A      A      A     A", "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"),
    }.ToDictionary(row => row.Method, row => row.Cells);

    [Fact]
    public async Task Matrix_EveryMethodTheServerExposesOrTheContractsDefine_HasARow()
    {
        var methods = (await ExposedMethodsAsync()).Keys.Union(ContractMethods().Keys).ToHashSet();

        var missing = methods.Except(Matrix.Keys).ToList();
        var stale = Matrix.Keys.Except(methods).ToList();
        Assert.True(missing.Count == 0, $"no row in the permission matrix for: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"rows for methods neither exposed nor in the contracts: {string.Join(", ", stale)}");
        Assert.All(Matrix, row => Assert.Equal(Callers.Length, Cells(row.Key).Length));
    }

    [Fact]
    public async Task EveryMethod_EveryCaller_GetsWhatTheMatrixSays()
    {
        var types = (await ExposedMethodsAsync()).Concat(ContractMethods())
            .GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().Value);

        var mismatches = new List<string>();
        foreach (var (method, _) in Matrix)
        {
            var cells = Cells(method);
            for (var i = 0; i < Callers.Length; i++)
            {
                var (caller, key) = Callers[i];
                var outcome = await CallAsync(server.Invoker(key), method, types[method]);
                var expected = cells[i];
                var matches = expected switch
                {
                    "A" => outcome.Code is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied),
                    "D" => outcome.Code == StatusCode.PermissionDenied && outcome.Info?.Reason == "ROLE_NOT_PERMITTED",
                    "U" => outcome.Code == StatusCode.Unauthenticated
                        && outcome.Info?.Reason == (key is null ? "CREDENTIAL_MISSING" : "CREDENTIAL_INVALID"),
                    _ => throw new InvalidOperationException($"{method}: unknown cell {expected}"),
                };
                if (!matches)
                {
                    mismatches.Add($"{method} as {caller}: expected {expected}, got {outcome}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>A minimal call: an empty request, or a stream opened and closed without a message.</summary>
    private static Task<CallOutcome> CallAsync(CallInvoker invoker, string method, MethodType type) => type switch
    {
        MethodType.Unary => RawGrpc.UnaryAsync(invoker, method, []),
        MethodType.ClientStreaming => RawGrpc.ClientStreamingAsync(invoker, method, []),
        MethodType.ServerStreaming => RawGrpc.ServerStreamingAsync(invoker, method, []),
        _ => RawGrpc.DuplexStreamingAsync(invoker, method, []),
    };

    private static string[] Cells(string method) => Matrix[method].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every method of every service the running server lists through gRPC reflection.</summary>
    private async Task<Dictionary<string, MethodType>> ExposedMethodsAsync()
    {
        var methods = new Dictionary<string, MethodType>();
        using var call = new ServerReflection.ServerReflectionClient(server.Invoker(null))
            .ServerReflectionInfo(deadline: Deadlines.Short);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext());
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        foreach (var service in services)
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = service });
            Assert.True(await call.ResponseStream.MoveNext());
            var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
                .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes));
            var definition = files
                .SelectMany(file => file.Service.Select(s => (Name: $"{file.Package}.{s.Name}", Service: s)))
                .Single(s => s.Name == service).Service;
            foreach (var method in definition.Method)
            {
                methods[$"/{service}/{method.Name}"] = TypeOf(method.ClientStreaming, method.ServerStreaming);
            }
        }
        await call.RequestStream.CompleteAsync();
        return methods;
    }

    /// <summary>Every method of every service in the contracts assembly, exposed or not.</summary>
    private static Dictionary<string, MethodType> ContractMethods() =>
        typeof(SubmissionService).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .SelectMany(property => ((FileDescriptor)property!.GetValue(null)!).Services)
            .SelectMany(service => service.Methods)
            .ToDictionary(
                method => $"/{method.Service.FullName}/{method.Name}",
                method => TypeOf(method.IsClientStreaming, method.IsServerStreaming));

    private static MethodType TypeOf(bool clientStreaming, bool serverStreaming) => (clientStreaming, serverStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (true, false) => MethodType.ClientStreaming,
        (false, true) => MethodType.ServerStreaming,
        _ => MethodType.DuplexStreaming,
    };
}
