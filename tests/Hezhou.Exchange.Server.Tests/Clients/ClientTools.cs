
namespace Hezhou.Exchange.Server.Tests.Clients;

/// <summary>
/// The toolchains of the clients in other languages, as CI installs them: Debian's Python with grpcio and protobuf,
/// protoc and its gRPC Python plugin, and Node with the packages of the root package.json. A missing one fails the
/// test with the command that installs it; nothing is skipped.
/// </summary>
public static class ClientTools
{
    private const string DebianPackages =
        "apt-get install python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc libprotobuf-dev";

    private static readonly Lazy<Task<string>> PythonStubs = new(GeneratePythonStubsAsync);

    /// <summary>Debian's Python 3, which has Debian's grpcio and protobuf.</summary>
    public static string Python => ChildProcess.Require("/usr/bin/python3", DebianPackages);

    public static string Node => ChildProcess.Require("node", "install Node.js (apt-get install nodejs)");

    public static string AuditorScript => Path.Combine(RepositoryPaths.Clients, "python", "auditor.py");

    public static string PushScript => Path.Combine(RepositoryPaths.Clients, "node", "push.js");

    /// <summary>The folder of the Python stubs generated from protos/ by generate.sh, once per test run.</summary>
    public static Task<string> PythonStubsAsync() => PythonStubs.Value;

    /// <summary>Fails unless the root package.json's gRPC packages are installed (npm ci).</summary>
    public static void RequireNodePackages()
    {
        foreach (var package in new[] { "@grpc/grpc-js", "@grpc/proto-loader" })
        {
            if (!File.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", package, "package.json")))
            {
                throw new InvalidOperationException(
                    $"{package} is not installed in {RepositoryPaths.Root}/node_modules; run npm ci (.ci/run does).");
            }
        }
    }

    private static async Task<string> GeneratePythonStubsAsync()
    {
        ChildProcess.Require("protoc", DebianPackages);
        ChildProcess.Require("/usr/bin/grpc_python_plugin", DebianPackages);
        var folder = Path.Combine(RepositoryPaths.Clients, "python", "generated");
        var result = await ChildProcess.RunAsync(
            "bash", [Path.Combine(RepositoryPaths.Clients, "python", "generate.sh"), folder]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"generate.sh failed ({DebianPackages}?):\n{result}");
        }
        var check = await ChildProcess.RunAsync(
            Python, ["-c", "import grpc, google.protobuf; print(grpc.__version__, google.protobuf.__version__)"]);
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException($"Debian's python3 lacks grpcio or protobuf ({DebianPackages}):\n{check}");
        }
        return folder;
    }
}
