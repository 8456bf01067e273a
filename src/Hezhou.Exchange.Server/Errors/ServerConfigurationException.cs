using System.Reflection;

namespace Hezhou.Exchange.Server.Errors;

/// <summary>
/// A setting the server cannot run with, or not safely: it stops the server at start, and its message names the
/// setting and what to do about it.
/// </summary>
public sealed class ServerConfigurationException(string message, Exception? innerException = null)
    : InvalidOperationException(message, innerException)
{
    /// <summary>EX_CONFIG of sysexits.h: the configuration is wrong, so restarting as it is will not help.</summary>
    public const int ExitCode = 78;

    /// <summary>
    /// Makes a refusal end the process with one line on standard error and <see cref="ExitCode"/>, rather than the
    /// runtime's stack trace and abort. Only when this assembly is the program: a test host gets the exception.
    /// </summary>
    public static void ExitCleanlyOnRefusal()
    {
        if (Assembly.GetEntryAssembly() != typeof(ServerConfigurationException).Assembly)
        {
            return;
        }
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is ServerConfigurationException refused)
            {
                Console.Error.WriteLine($"Hezhou.Exchange.Server refused to start: {refused.Message}");
                Environment.Exit(ExitCode);
            }
        };
    }
}
