using System.Diagnostics;
using System.Text;

namespace Hezhou.Exchange.Testing;

/// <summary>What a program printed and how it ended.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() =>
        $"exit code {ExitCode}\n--- standard output ---\n{StandardOutput}\n--- standard error ---\n{StandardError}";
}

/// <summary>Runs another program to its end, bounded in time; a program that is not installed fails the test.</summary>
public static class ChildProcess
{
    public static async Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{program} {string.Join(' ', arguments)} did not finish in time:\n{await standardOutput}\n{await standardError}");
        }
        return new ProcessResult(process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>The full path of a program on PATH (or the path itself when it exists); fails clearly when missing.</summary>
    public static string Require(string program, string howToInstall)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : throw Missing(program, howToInstall);
        }
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, program);
            if (folder.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw Missing(program, howToInstall);
    }

    private static InvalidOperationException Missing(string program, string howToInstall) =>
        new($"{program} is not installed, and this test needs it: {howToInstall} (.ci/run installs it in CI).");
}
