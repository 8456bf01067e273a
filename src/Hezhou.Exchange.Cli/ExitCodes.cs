namespace Hezhou.Exchange.Cli;

/// <summary>The exit codes scripts may rely on; docs/cli.md lists them. A code never changes meaning.</summary>
internal static class ExitCodes
{
    /// <summary>Done: every record stored or unchanged, every figure as expected.</summary>
    public const int Ok = 0;

    /// <summary>Done, but not clean: push had records rejected; demo found a figure that differs from the seed report.</summary>
    public const int RejectedOrDiffering = 1;

    /// <summary>The command line is wrong, or a file does not parse (nothing of it was sent).</summary>
    public const int UsageOrUnreadableFile = 2;

    /// <summary>The server cannot be reached, or stopped answering.</summary>
    public const int ServerUnreachable = 3;

    /// <summary>The server refused the key (UNAUTHENTICATED) or its principal may not do this (PERMISSION_DENIED).</summary>
    public const int NotPermitted = 4;

    /// <summary>The server answered with any other error (e.g. NOT_FOUND, INVALID_ARGUMENT, INTERNAL).</summary>
    public const int ServerError = 5;

    /// <summary>demo: the store already holds data; the demo needs an empty one.</summary>
    public const int StoreNotEmpty = 6;

    /// <summary>verify: a ledger chain is broken; a row was altered, removed or added behind the server's back.</summary>
    public const int LedgerBroken = 7;

    /// <summary>Interrupted (Ctrl+C), as shells report a SIGINT.</summary>
    public const int Interrupted = 130;
}
