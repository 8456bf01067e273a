using Google.Rpc;
using Grpc.Core;
using Hezhou.Exchange.Cli.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli;

/// <summary>A command line that cannot be acted on: the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A failed call to the server, with the server's address for the message.</summary>
internal sealed class ServerCallException(Uri address, RpcException call) : Exception(call.Status.Detail, call)
{
    public Uri Address { get; } = address;

    public RpcException Call { get; } = call;
}

/// <summary>
/// The server stopped answering in the middle of a push; the message says what it had acknowledged storing, and that the
/// same push resumes from there.
/// </summary>
internal sealed class PushInterruptedException(string message, Exception cause) : Exception(message, cause);

/// <summary>
/// Turns every failure into a message on standard error and its documented exit code (see <see cref="ExitCodes"/>),
/// in one place, as the server maps its errors in one interceptor. No stack traces: these are users' errors and the
/// server's answers, not the client's bugs.
/// </summary>
internal static class CliErrors
{
    private const string ErrorDomain = "exchange.hezhou.gov.cn";

    public static int Report(Exception exception, CliOutput output, IReadOnlyList<string>? arguments = null)
    {
        var (code, message) = Describe(exception);
        if (exception is CommandAppException && arguments is not null)
        {
            message = UnknownOptions.Explain(message, arguments);
        }
        output.Messages.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        if (exception is CommandAppException)
        {
            output.Messages.MarkupLine("Run with [bold]--help[/] for the commands and their options.");
        }
        return code;
    }

    public static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        CommandAppException e => (ExitCodes.UsageOrUnreadableFile, e.Message),
        UsageException e => (ExitCodes.UsageOrUnreadableFile, e.Message),
        RecordFileException e => (ExitCodes.UsageOrUnreadableFile, e.Message),
        ServerCallException e => DescribeCall(e.Address, e.Call),
        PushInterruptedException e => (ExitCodes.ServerUnreachable, e.Message),
        Demo.StoreNotEmptyException e => (ExitCodes.StoreNotEmpty, e.Message),
        Demo.ReconciliationTimeoutException e => (ExitCodes.ServerError, e.Message),
        RpcException e => DescribeCall(null, e),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
        IOException or UnauthorizedAccessException => (ExitCodes.UsageOrUnreadableFile, exception.Message),
        _ => (ExitCodes.ServerError, $"unexpected {exception.GetType().Name}: {exception.Message}"),
    };

    private static (int Code, string Message) DescribeCall(Uri? address, RpcException call)
    {
        var server = address is null ? "the server" : $"the server at {address}";
        var status = call.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var reason = info?.Domain == ErrorDomain ? info.Reason : null;
        var detail = call.Status.Detail;
        return call.StatusCode switch
        {
            StatusCode.Unavailable when reason is null =>
                (ExitCodes.ServerUnreachable, $"cannot reach {server}: {detail} Is it running, and is --server right?"),
            StatusCode.DeadlineExceeded =>
                (ExitCodes.ServerUnreachable, $"{server} did not answer in time."),
            StatusCode.Unauthenticated =>
                (ExitCodes.NotPermitted,
                    $"{server} did not accept the API key ({reason ?? "UNAUTHENTICATED"}): {detail} "
                    + "Pass the right key with --api-key or the HEZHOU_API_KEY environment variable."),
            StatusCode.PermissionDenied =>
                (ExitCodes.NotPermitted, $"the key's principal may not do this ({reason ?? "PERMISSION_DENIED"}): {detail}"),
            StatusCode.Cancelled => (ExitCodes.Interrupted, "interrupted"),
            _ => (ExitCodes.ServerError, $"{server} answered {call.StatusCode} ({reason ?? "no reason"}): {detail}{Violations(status, detail)}"),
        };
    }

    /// <summary>The field violations the status message does not already say: a server often puts the only one there.</summary>
    private static string Violations(Google.Rpc.Status? status, string detail)
    {
        var unsaid = status?.GetDetail<BadRequest>()?.FieldViolations
            .Where(v => !detail.Contains(v.Description, StringComparison.Ordinal))
            .Select(v => $"{v.Field}: {v.Description}")
            .ToList() ?? [];
        return unsaid.Count == 0 ? "" : " — " + string.Join("; ", unsaid);
    }
}
